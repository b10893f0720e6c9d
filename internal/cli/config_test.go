package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shovel/internal/config"
)

// setting is a commented-out setting of the default file.
var setting = regexp.MustCompile(`^# [a-z_]+:( |$)`)

func configEnv(dir string) func(string) string {
	return func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return dir
		}
		return ""
	}
}

func runConfigCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	ios, _, out, _ := testStreams()
	cmd := newCmdConfig(&ConfigOptions{IO: ios, Getenv: configEnv(dir)})
	cmd.SetArgs(args)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return out.String(), err
}

func TestConfigPathAndInit(t *testing.T) {
	dir := t.TempDir()
	want := filepath.Join(dir, "shovel", "config.yaml")
	out, err := runConfigCmd(t, dir, "path")
	if err != nil || out != want+"\n" {
		t.Fatalf("config path = %q, %v; want %q", out, err, want)
	}
	if out, err = runConfigCmd(t, dir, "init"); err != nil || !strings.Contains(out, want) {
		t.Fatalf("config init = %q, %v", out, err)
	}
	data, err := os.ReadFile(want)
	if err != nil || string(data) != DefaultConfig() {
		t.Fatalf("written file differs from the default: %v", err)
	}
	// The commented default parses to nothing set, and uncommented it
	// parses without a problem and sets every action's default keys.
	if c, probs := config.Parse(want, data); len(probs) != 0 || c.Theme != "" || len(c.Keys) != 0 {
		t.Errorf("the commented default sets %+v, problems %v", c, probs)
	}
	var un []string
	for _, l := range strings.Split(string(data), "\n") {
		if setting.MatchString(l) {
			un = append(un, l[2:])
		} else if s, ok := strings.CutPrefix(l, "#   "); ok {
			un = append(un, "  "+s)
		}
	}
	c, probs := config.Parse("un", []byte(strings.Join(un, "\n")))
	if len(probs) != 0 || c.Theme != "auto" || c.Timer != config.TimerFirstMove || len(c.Keys) < 30 {
		t.Errorf("uncommented default: %+v, problems %v\n%s", c, probs, strings.Join(un, "\n"))
	}
	var sb strings.Builder
	km := keyMap(c, "un", &sb)
	if sb.Len() != 0 || km.Help.Keys()[0] != "?" || km.Count.Help().Key == "" {
		t.Errorf("applying the default keys: %q, help keys %v", sb.String(), km.Help.Keys())
	}

	// init never overwrites.
	if err := os.WriteFile(want, []byte("theme: light\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = runConfigCmd(t, dir, "init")
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("init over a file: %v", err)
	}
	if data, _ := os.ReadFile(want); string(data) != "theme: light\n" {
		t.Errorf("the file was overwritten: %q", data)
	}
}

// A broken config is reported with file:line and the rest still applies.
func TestUserConfigReportsAndKeepsDefaults(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "shovel", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "presenter: true\nambiguous_width: 5\nkeys:\n  next: x\n  jump: y\n"
	if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	c, file := userConfig(configEnv(dir), &errOut)
	km := keyMap(c, file, &errOut)
	got := errOut.String()
	for _, want := range []string{p + ":2: ambiguous_width: want 1 or 2", p + ":5: keys: unknown action \"jump\""} {
		if !strings.Contains(got, want) {
			t.Errorf("messages lack %q:\n%s", want, got)
		}
	}
	if c.Presenter == nil || !*c.Presenter || c.AmbiguousWidth != 0 {
		t.Errorf("config = %+v", c)
	}
	if k := km.Next.Keys(); len(k) != 1 || k[0] != "x" || km.Next.Help().Key != "x" {
		t.Errorf("next bound to %v (help %q)", k, km.Next.Help().Key)
	}
	if k := km.Prev.Keys(); len(k) == 0 || k[0] != "left" {
		t.Errorf("prev lost its default keys: %v", k)
	}
}

func TestThemesListsEveryThemeWithAPreview(t *testing.T) {
	ios, _, out, _ := testStreams()
	if err := runThemes(ios, func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) != len(themeNames()) {
		t.Fatalf("%d lines for %d themes:\n%s", len(lines), len(themeNames()), out)
	}
	for _, name := range []string{"dark", "light", "notty", "mono", "dracula"} {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, name+" ") && strings.Contains(l, "italic") && strings.Contains(l, "中文") {
				found = true
			}
		}
		if !found {
			t.Errorf("no preview line for %s:\n%s", name, out)
		}
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Error("escape sequences written to a non-terminal")
	}
}

func TestProblemWriterNotice(t *testing.T) {
	var sb strings.Builder
	p := &problemWriter{w: &sb}
	if p.notice() != "" {
		t.Error("a notice with no problem")
	}
	fmt.Fprintln(p, "/home/me/.config/shovel/config.yaml:4: timer: want first-move or immediately")
	fmt.Fprintln(p, "/home/me/.config/shovel/config.yaml:9: keys: unknown action")
	if got, want := p.notice(), "config.yaml:4: timer: want first-move or immediately (+1 more)"; got != want {
		t.Errorf("notice = %q, want %q", got, want)
	}
	if !strings.Contains(sb.String(), "/home/me/.config/shovel/config.yaml:9:") {
		t.Errorf("not passed on: %q", sb.String())
	}
}

// A mistyped subcommand of config is a usage error (cobra's default for a
// command without RunE was its help and exit 0); config alone shows help.
func TestConfigUnknownSubcommand(t *testing.T) {
	var out, errOut strings.Builder
	io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	if code := Run([]string{"config", "check"}, io); code != ExitUsage || !strings.Contains(errOut.String(), `unknown command "check" for "shovel config"`) {
		t.Errorf("shovel config check: exit %d, stderr %q; want %d and an unknown command", code, errOut.String(), ExitUsage)
	}
	out.Reset()
	errOut.Reset()
	if code := Run([]string{"config"}, io); code != ExitOK || !strings.Contains(out.String(), "Available Commands") {
		t.Errorf("shovel config: exit %d, stdout %q; want its help", code, out.String())
	}
}
