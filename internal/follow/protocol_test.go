package follow

import (
	"bytes"
	"encoding/binary"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	msgs := []Message{
		{Kind: KindHello, Role: RoleFollow},
		{Kind: KindHello, Role: RoleProbe},
		{Kind: KindInfo, Info: &Info{PID: 42, Deck: "/talks/铲子.md", Title: "铲子测试", Program: "present", Started: time.Date(2026, 12, 2, 17, 0, 0, 0, time.UTC)}},
		{Kind: KindDeck, Deck: &Deck{Seq: 3, Root: "talk.md", Path: "/t/talk.md", Hash: "ab", Files: []File{{Name: "talk.md", Data: []byte("# 一\n\xff invalid utf-8 survives")}}}},
		{Kind: KindState, State: &State{Deck: 3, Slide: 12, Step: 2, Scroll: 500, Blank: true}},
		{Kind: KindNav, Nav: &Nav{Action: NavGoto, N: 7}},
		{Kind: KindNav, Nav: &Nav{Action: NavBlank}},
		{Kind: KindEnd, End: EndReason},
	}
	var stream bytes.Buffer
	for _, m := range msgs {
		f, err := Encode(m)
		if err != nil {
			t.Fatalf("Encode(%v): %v", m.Kind, err)
		}
		stream.Write(f)
	}
	for _, want := range msgs {
		got, err := Read(&stream)
		if err != nil {
			t.Fatal(err)
		}
		want.V = Version
		if !reflect.DeepEqual(got, want) {
			t.Errorf("round trip of %s:\n got %+v\nwant %+v", want.Kind, got, want)
		}
	}
	if stream.Len() != 0 {
		t.Errorf("%d bytes left over", stream.Len())
	}
}

func TestDecodeRefuses(t *testing.T) {
	cases := []struct {
		name, body string
		want       error
	}{
		{"not json", `{"v":1,"kind":`, ErrMalformed},
		{"other version", `{"v":2,"kind":"state","state":{"slide":1}}`, ErrVersion},
		{"no version", `{"kind":"end"}`, ErrVersion},
		{"unknown kind", `{"v":1,"kind":"exec","reason":"x"}`, ErrMalformed},
		{"hello without role", `{"v":1,"kind":"hello"}`, ErrMalformed},
		{"hello with odd role", `{"v":1,"kind":"hello","role":"admin"}`, ErrMalformed},
		{"state missing", `{"v":1,"kind":"state"}`, ErrMalformed},
		{"negative slide", `{"v":1,"kind":"state","state":{"slide":-1}}`, ErrMalformed},
		{"scroll past the end", `{"v":1,"kind":"state","state":{"scroll":1001}}`, ErrMalformed},
		{"two parts", `{"v":1,"kind":"state","state":{},"nav":{"action":"next"}}`, ErrMalformed},
		{"unknown action", `{"v":1,"kind":"nav","nav":{"action":"rm -rf"}}`, ErrMalformed},
		{"goto nowhere", `{"v":1,"kind":"nav","nav":{"action":"goto"}}`, ErrMalformed},
		{"deck without hash", `{"v":1,"kind":"deck","deck":{"root":"a.md","path":"/a.md"}}`, ErrMalformed},
		{"deck without files or path", `{"v":1,"kind":"deck","deck":{"root":"a.md","hash":"x"}}`, ErrMalformed},
		{"file without name", `{"v":1,"kind":"deck","deck":{"root":"a.md","hash":"x","files":[{"data":""}]}}`, ErrMalformed},
		{"info without pid", `{"v":1,"kind":"info","info":{}}`, ErrMalformed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.body))
			if !errors.Is(err, c.want) {
				t.Fatalf("Decode(%s) = %v, want %v", c.body, err, c.want)
			}
		})
	}
}

func TestReadFrameLimits(t *testing.T) {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], MaxMessage+1)
	// Only the header: a reader that allocated first would wait for 1 MiB.
	if _, err := ReadFrame(bytes.NewReader(hdr[:])); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("oversized frame: %v, want ErrTooLarge", err)
	}
	binary.BigEndian.PutUint32(hdr[:], 10)
	if _, err := ReadFrame(bytes.NewReader(append(hdr[:], "short"...))); err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
		t.Fatalf("truncated frame: %v, want unexpected EOF", err)
	}
	big := Message{Kind: KindEnd, End: strings.Repeat("x", MaxMessage)}
	if _, err := Encode(big); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Encode of a huge message: %v, want ErrTooLarge", err)
	}
}
