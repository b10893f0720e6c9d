//go:build unix

package follow

import (
	"os"
	"syscall"
)

// ownerUID is the user owning the file fi describes.
func ownerUID(fi os.FileInfo) (int, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}
