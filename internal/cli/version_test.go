package cli

import (
	"runtime/debug"
	"testing"
)

func TestDescribeBuild(t *testing.T) {
	vcs := func(rev, at, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: at}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "9eb484c3e8f1a2b3c4d5e6f708192a3b4c5d6e7f"
	tests := []struct {
		name     string
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"release", "v1.2.0", vcs(rev, "2026-12-02T17:20:57Z", "false"), "v1.2.0"},
		{"modified release", "v1.2.0+dirty", vcs(rev, "2026-12-02T17:20:57Z", "true"), "v1.2.0+dirty"},
		{"commit (make build)", "v0.0.0-20261202172057-9eb484c3e8f1", vcs(rev, "2026-12-02T17:20:57Z", "false"),
			"commit 9eb484c3e8f1 of 2026-12-02T17:20:57Z"},
		{"dirty commit", "v0.0.0-20261202172057-9eb484c3e8f1+dirty", vcs(rev, "2026-12-02T17:20:57Z", "true"),
			"commit 9eb484c3e8f1 of 2026-12-02T17:20:57Z, dirty"},
		{"commit after a tag", "v1.2.1-0.20261202172057-9eb484c3e8f1", vcs(rev, "2026-12-02T17:20:57Z", "false"),
			"commit 9eb484c3e8f1 of 2026-12-02T17:20:57Z"},
		{"no VCS, (devel)", "(devel)", nil, "(devel, built without version control information)"},
		{"pseudo-version without VCS (go install of a commit)", "v0.0.0-20261202172057-9eb484c3e8f1", nil, "v0.0.0-20261202172057-9eb484c3e8f1"},
	}
	for _, tt := range tests {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "shovel", Version: tt.version}, Settings: tt.settings}
		if got := describeBuild(bi); got != tt.want {
			t.Errorf("%s: describeBuild = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := describeBuild(nil); got != "(unknown version)" {
		t.Errorf("no build info: %q", got)
	}
}
