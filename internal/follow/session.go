package follow

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

const dialTimeout = 2 * time.Second

// RemoveStale removes the socket at path if no program listens on it any
// more (its program crashed or was killed), and reports whether it did.
// A socket with a live listener, or no file at all, is left alone.
func RemoveStale(path string) (bool, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if fi.Mode()&fs.ModeSocket == 0 {
		return false, fmt.Errorf("%s is not a socket; shovel will not remove it", path)
	}
	c, err := net.DialTimeout("unix", path, dialTimeout)
	if err == nil {
		c.Close()
		return false, nil
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return false, err
		}
		return true, nil
	}
	return false, err
}

// Session is a running presentation found in the socket directory.
type Session struct {
	Info
	Path string // its socket
}

// List finds the presentations running in dir, oldest first, removing
// sockets left by crashed programs on the way. A missing dir means none.
func List(dir string) ([]Session, error) {
	if err := CheckDir(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Session
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sock") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		info, err := probe(path)
		if err != nil {
			if errors.Is(err, syscall.ECONNREFUSED) {
				_, _ = RemoveStale(path)
			}
			continue
		}
		out = append(out, Session{Info: info, Path: path})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Started.Before(out[j].Started) })
	return out, nil
}

// probe asks the program on path for its Info without following.
func probe(path string) (Info, error) {
	c, err := hello(path, RoleProbe)
	if err != nil {
		return Info{}, err
	}
	defer c.Close()
	return readInfo(c)
}

func hello(path, role string) (*net.UnixConn, error) {
	c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	frame, err := Encode(Message{Kind: KindHello, Role: role})
	if err == nil {
		_ = c.SetWriteDeadline(time.Now().Add(dialTimeout))
		_, err = c.Write(frame)
	}
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func readInfo(c *net.UnixConn) (Info, error) {
	_ = c.SetReadDeadline(time.Now().Add(dialTimeout))
	msg, err := Read(c)
	if err != nil {
		return Info{}, fmt.Errorf("no answer from the presentation: %w", err)
	}
	if msg.Kind != KindInfo {
		return Info{}, fmt.Errorf("%w: expected info, got %s", ErrMalformed, msg.Kind)
	}
	_ = c.SetReadDeadline(time.Time{})
	_ = c.SetWriteDeadline(time.Time{})
	return *msg.Info, nil
}
