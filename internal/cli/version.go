package cli

import (
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"shovel/internal/lazy"
)

// NewCmdVersion builds "shovel version".
func NewCmdVersion(io *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print shovel's version",
		Long: `Print shovel's version as the Go toolchain recorded it in the binary: a
release version, else the commit it was built from, with its time, and
"dirty" when the working tree had uncommitted changes. shovel --version
prints the same line.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(io.Out, versionLine())
			return nil
		},
	}
}

// versionLine is what "shovel version" and "shovel --version" print.
func versionLine() string {
	return fmt.Sprintf("shovel %s (%s, %s/%s)", buildVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// buildVersion describes the running binary's version.
func buildVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return describeBuild(bi)
}

// pseudoVersion matches the versions the go command makes up for
// untagged commits, such as v0.0.0-20261202172057-9eb484c3e8f1.
var pseudoVersion = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`[-.](0\.)?\d{14}-[0-9a-f]{12}(\+dirty)?$`)
}}

// describeBuild says what the build info tells of the version: a tagged
// release as the module version; else the VCS revision and commit time,
// "dirty" when the tree had changes (the go command records these when
// building in a checkout, unless -buildvcs=false); else that it is a
// development build of unknown origin.
func describeBuild(bi *debug.BuildInfo) string {
	if bi == nil {
		return "(unknown version)"
	}
	var rev, at string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	v := bi.Main.Version
	known := v != "" && v != "(devel)"
	if known && !pseudoVersion.Get().MatchString(v) {
		return v // a release; the go command adds +dirty itself
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		s := "commit " + rev
		if at != "" {
			s += " of " + at
		}
		if dirty {
			s += ", dirty"
		}
		return s
	}
	if known {
		return v
	}
	return "(devel, built without version control information)"
}
