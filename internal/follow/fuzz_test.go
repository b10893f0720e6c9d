package follow

import (
	"reflect"
	"testing"
)

// FuzzDecode: no input makes Decode panic, and whatever it accepts
// encodes again and decodes to the same message.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"v":1,"kind":"state","state":{"deck":1,"slide":3,"step":1,"scroll":250,"blank":true}}`))
	f.Add([]byte(`{"v":1,"kind":"nav","nav":{"action":"goto","n":12}}`))
	f.Add([]byte(`{"v":1,"kind":"deck","deck":{"seq":1,"root":"t.md","hash":"h","files":[{"name":"t.md","data":"IyDkuIA="}]}}`))
	f.Add([]byte(`{"v":1,"kind":"hello","role":"follow"}`))
	f.Add([]byte(`{"v":1,"kind":"info","info":{"pid":1,"started":"2026-12-02T17:00:00Z"}}`))
	f.Add([]byte(`{"v":1,"kind":"end","reason":"bye"}`))
	f.Add([]byte(`{"v":1,"kind":"state","state":null}`))
	f.Add([]byte("\x00\xff"))
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := Decode(body)
		if err != nil {
			return
		}
		frame, err := Encode(m)
		if err != nil {
			t.Fatalf("accepted %q but cannot encode it: %v", body, err)
		}
		again, err := Decode(frame[4:])
		if err != nil {
			t.Fatalf("re-decoding %q: %v", frame, err)
		}
		if !reflect.DeepEqual(m, again) {
			t.Fatalf("round trip changed the message:\n%+v\n%+v", m, again)
		}
	})
}
