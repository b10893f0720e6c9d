package cli

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shovel/internal/export"
)

const exportTestDeck = `---
title: 导出测试
author: Tester
duration: 5m
---

# 第一页

你好，世界。

<!-- speaker_note: 第一页的备注 -->
<!-- time: 1m -->

---

# Second

- one
<!-- pause -->
- two

---

# Third

text
`

func TestExportFlags(t *testing.T) {
	def := ExportOptions{Format: "text", Width: 80, Steps: export.StepsFinal}
	with := func(f func(o *ExportOptions)) ExportOptions { o := def; f(&o); return o }
	tests := []struct {
		args []string
		want ExportOptions
	}{
		{nil, def},
		{[]string{"talk.md"}, with(func(o *ExportOptions) { o.Path = "talk.md" })},
		{[]string{"-o", "out.txt", "dir/"}, with(func(o *ExportOptions) { o.Output, o.Path = "out.txt", "dir/" })},
		{[]string{"--output", "-"}, with(func(o *ExportOptions) { o.Output = "-" })},
		{[]string{"--width", "20"}, with(func(o *ExportOptions) { o.Width = 20 })},
		{[]string{"--width=120", "--notes"}, with(func(o *ExportOptions) { o.Width, o.Notes = 120, true })},
		{[]string{"--slides", "3-7,12"}, with(func(o *ExportOptions) { o.Slides = "3-7,12" })},
		{[]string{"--steps", "all"}, with(func(o *ExportOptions) { o.Steps = export.StepsAll })},
		{[]string{"--steps", "final"}, def},
		{[]string{"--format", "markdown", "--notes"}, with(func(o *ExportOptions) { o.Format, o.Notes = "markdown", true })},
		{[]string{"--format", "markdown", "--slides", "2"}, with(func(o *ExportOptions) { o.Format, o.Slides = "markdown", "2" })},
	}
	for _, tt := range tests {
		got, err := parseFlags(NewCmdExport, tt.args)
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		got.IO = nil
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%v: options\n%+v\nwant\n%+v", tt.args, *got, tt.want)
		}
	}
}

func TestExportBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--width", "19"}, "--width: width must be from 20 to 1000 cells; got 19"},
		{[]string{"--width", "0"}, "got 0"},
		{[]string{"--width", "1001"}, "got 1001"},
		{[]string{"--steps", "first"}, `--steps: want final or all; got "first"`},
		{[]string{"--steps", ""}, "--steps"},
		{[]string{"--format", "pdf"}, `--format: want text or markdown; got "pdf"`},
		{[]string{"--format", "markdown", "--width", "100"}, "--width applies to text export only"},
		{[]string{"--format", "markdown", "--steps", "all"}, "--steps applies to text export only"},
		{[]string{"--slides", " "}, "--slides: empty selection"},
	}
	for _, tt := range tests {
		io, _, _, _ := testStreams()
		called := false
		cmd := NewCmdExport(io, func(*ExportOptions) error { called = true; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Out)
		cmd.SetErr(io.ErrOut)
		err := cmd.Execute()
		var fe *FlagError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) || called {
			t.Errorf("%v: err = %v (ran: %v); want a FlagError containing %q", tt.args, err, called, tt.want)
		}
	}
}

func runExportWith(t *testing.T, opts ExportOptions) (string, string, error) {
	t.Helper()
	io, _, out, errOut := testStreams()
	opts.IO = io
	if opts.Format == "" {
		opts.Format = "text"
	}
	if opts.Width == 0 {
		opts.Width = 80
	}
	err := runExport(&opts)
	return out.String(), errOut.String(), err
}

func TestRunExportText(t *testing.T) {
	dir := t.TempDir()
	deck := writeFile(t, dir, "talk.md", exportTestDeck)
	out, _, err := runExportWith(t, ExportOptions{Path: deck, Notes: true, Steps: export.StepsAll})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"导出测试", "Tester", "3 slides", "── 1/3 · 第一页 ─", "第一页的备注", "Time budget: 1m",
		"── 2/3 · Second (step 1/2) ─", "── 2/3 · Second (step 2/2) ─", "── 3/3 · Third ─"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	again, _, _ := runExportWith(t, ExportOptions{Path: deck, Notes: true, Steps: export.StepsAll})
	if again != out {
		t.Error("two exports of the same deck differ")
	}
}

func TestRunExportBuiltin(t *testing.T) {
	out, _, err := runExportWith(t, ExportOptions{})
	if err != nil || !strings.Contains(out, "── 1/") {
		t.Errorf("export of the built-in deck: %v\n%s", err, out)
	}
	md, _, err := runExportWith(t, ExportOptions{Format: "markdown", Output: "-"})
	if err != nil || !strings.HasPrefix(md, "---\ntitle: ") {
		t.Errorf("Markdown export of the built-in deck: %v\n%s", err, md)
	}
}

func TestRunExportSlideRange(t *testing.T) {
	deck := writeFile(t, t.TempDir(), "talk.md", exportTestDeck)
	out, _, err := runExportWith(t, ExportOptions{Path: deck, Slides: "2-3"})
	if err != nil || strings.Contains(out, "── 1/3") || !strings.Contains(out, "── 2/3") || !strings.Contains(out, "── 3/3") {
		t.Errorf("--slides 2-3: %v\n%s", err, out)
	}
	for _, bad := range []string{"4", "0-2", "2-9", "x", "3-1"} {
		out, _, err := runExportWith(t, ExportOptions{Path: deck, Slides: bad})
		var fe *FlagError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "--slides: ") || out != "" {
			t.Errorf("--slides %s: err = %v, wrote %q", bad, err, out)
		}
	}
}

func TestRunExportDeckWithErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.md", "# A\n\n<!-- time: 90 -->\n")
	outFile := filepath.Join(dir, "out.txt")
	out, errOut, err := runExportWith(t, ExportOptions{Path: bad, Output: outFile})
	var se *SilentError
	if !errors.As(err, &se) || se.Code != ExitFailure {
		t.Errorf("err = %v; want exit status 1", err)
	}
	if out != "" || !strings.Contains(errOut, bad+":3:1: error: time:") || !strings.Contains(errOut, "nothing exported") {
		t.Errorf("stdout %q, stderr %q", out, errOut)
	}
	if _, err := os.Stat(outFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a deck with errors still wrote %s", outFile)
	}
}

func TestRunExportToFile(t *testing.T) {
	dir := t.TempDir()
	deck := writeFile(t, dir, "talk.md", exportTestDeck)
	outFile := writeFile(t, dir, "talk.txt", "an older export")
	out, _, err := runExportWith(t, ExportOptions{Path: deck, Output: outFile})
	if err != nil || out != "" {
		t.Fatalf("err = %v, stdout %q", err, out)
	}
	b, _ := os.ReadFile(outFile)
	stdout, _, _ := runExportWith(t, ExportOptions{Path: deck})
	if string(b) != stdout {
		t.Errorf("the file differs from the export to standard output:\n%s", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("directory holds %d files; want the deck and the export", len(entries))
	}
}

func TestRunExportRefusesToOverwriteDeck(t *testing.T) {
	dir := t.TempDir()
	deck := writeFile(t, dir, "talk.md", exportTestDeck)
	part := writeFile(t, dir, "_part.md", "# Included\n")
	withInclude := writeFile(t, dir, "main.md", "# Main\n\n<!-- include: _part.md -->\n")
	link := filepath.Join(dir, "link.md")
	hard := filepath.Join(dir, "hard.md")
	if err := os.Symlink("talk.md", link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Link(deck, hard); err != nil {
		t.Skip("no hard links:", err)
	}
	deckDir := filepath.Join(dir, "talk")
	os.Mkdir(deckDir, 0o755)
	writeFile(t, deckDir, "01.md", "# One\n")
	tests := []struct{ path, out, want string }{
		{deck, deck, "refusing to overwrite"},
		{deck, "./" + filepath.Base(deck), "refusing to overwrite"},
		{deck, link, "refusing to overwrite"},
		{deck, hard, "refusing to overwrite"},
		{link, deck, "refusing to overwrite"},
		{withInclude, part, "refusing to overwrite"},
		{deckDir, filepath.Join(deckDir, "01.md"), "refusing to overwrite"},
		{deckDir, filepath.Join(deckDir, "all.md"), "would become a slide"},
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(dir)
	for _, tt := range tests {
		before, _ := os.ReadFile(tt.out)
		_, _, err := runExportWith(t, ExportOptions{Path: tt.path, Output: tt.out, Format: "markdown"})
		var fe *FlagError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("export %s -o %s: err = %v; want %q", tt.path, tt.out, err, tt.want)
		}
		if after, _ := os.ReadFile(tt.out); string(after) != string(before) {
			t.Errorf("export %s -o %s changed the file", tt.path, tt.out)
		}
	}
	// Parts of a directory deck's folder that are not slides may be written.
	if _, _, err := runExportWith(t, ExportOptions{Path: deckDir, Output: filepath.Join(deckDir, "_all.md")}); err != nil {
		t.Errorf("export into _all.md: %v", err)
	}
}

func TestExportExitCodes(t *testing.T) {
	dir := t.TempDir()
	deck := writeFile(t, dir, "talk.md", exportTestDeck)
	bad := writeFile(t, dir, "bad.md", "# A\n\n<!-- column: 1 -->\n")
	binary := writeFile(t, dir, "bin.md", "\x00\x01\x02")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string
		stderrIn string
	}{
		{"built-in deck", []string{"export"}, ExitOK, "── 1/", ""},
		{"a deck", []string{"export", deck, "--notes"}, ExitOK, "第一页的备注", ""},
		{"markdown", []string{"export", deck, "--format", "markdown"}, ExitOK, "<!-- speaker_note: 第一页的备注 -->", ""},
		{"deck with errors", []string{"export", bad}, ExitFailure, "", "outside a column layout"},
		{"missing deck", []string{"export", filepath.Join(dir, "nope.md")}, ExitUsage, "", "no such file or directory"},
		{"binary deck", []string{"export", binary}, ExitUsage, "", "binary file"},
		{"narrow", []string{"export", "--width", "19"}, ExitUsage, "", "Run 'shovel export --help' for usage."},
		{"not a number", []string{"export", "--width", "wide"}, ExitUsage, "", "invalid argument"},
		{"bad steps", []string{"export", "--steps", "some"}, ExitUsage, "", "--steps"},
		{"bad format", []string{"export", "--format", "html"}, ExitUsage, "", "--format"},
		{"slides outside", []string{"export", deck, "--slides", "2-4"}, ExitUsage, "", "outside the deck, which has slides 1 to 3"},
		{"malformed slides", []string{"export", deck, "--slides", "1,,2"}, ExitUsage, "", "malformed slide range"},
		{"overwrite deck", []string{"export", deck, "-o", deck}, ExitUsage, "", "refusing to overwrite"},
		{"unknown flag", []string{"export", "--colour"}, ExitUsage, "", "unknown flag"},
		{"two decks", []string{"export", deck, deck}, ExitUsage, "", "accepts at most 1 arg"},
		{"missing output dir", []string{"export", deck, "-o", filepath.Join(dir, "no", "x.txt")}, ExitFailure, "", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, out, errOut := testStreams()
			code := Run(tt.args, io)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr: %s", code, tt.code, errOut)
			}
			if !strings.Contains(out.String(), tt.stdout) || (tt.code != ExitOK && out.Len() > 0) {
				t.Errorf("stdout %q; want %q", out, tt.stdout)
			}
			if !strings.Contains(errOut.String(), tt.stderrIn) {
				t.Errorf("stderr %q does not contain %q", errOut, tt.stderrIn)
			}
		})
	}
}
