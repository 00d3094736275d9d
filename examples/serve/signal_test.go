//go:build unix

package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSecondSignal runs the service as a process, holds a request in
// flight so that the shutdown waits for it, and checks that a second
// SIGINT during the wait kills the process instead of being swallowed.
func TestSecondSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process; skipped in -short mode")
	}
	cmd := exec.Command(os.Args[0], "-addr", "127.0.0.1:0", "-read-timeout", "10m", "-shutdown-timeout", "10m",
		"-workers", "1", "-max-queued", "1")
	cmd.Env = append(os.Environ(), "STANCEKIT_SERVE_MAIN=1")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() }) // if the test fails while it runs
	lines := make(chan string, 16)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	// waitFor returns the first line of the log that contains s.
	waitFor := func(s string) string {
		t.Helper()
		for {
			line, ok := <-lines
			require.True(t, ok, "the log ended before %q", s)
			if strings.Contains(line, s) {
				return line
			}
		}
	}
	_, addr, _ := strings.Cut(waitFor("listening on "), "listening on ")
	addr, _, _ = strings.Cut(addr, " ")

	// A request whose body has not all arrived keeps the shutdown waiting.
	// hold sends one on a new connection; answered is closed if the
	// service answers it, which it does only when a probe below holds the
	// one admission at the time, refusing it as busy.
	hold := func() (answered <-chan struct{}) {
		conn, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		t.Cleanup(func() { conn.Close() })
		_, err = fmt.Fprintf(conn, "POST /v1/analyze HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\": ")
		require.NoError(t, err)
		c := make(chan struct{})
		go func() {
			_, _ = conn.Read(make([]byte, 1))
			close(c)
		}()
		return c
	}
	answered := hold()
	// The service admits one request at a time, so once a probe is
	// refused as busy, the held request is in the handler, reading its
	// body.
	for deadline := time.Now().Add(time.Minute); ; {
		resp, err := http.Post("http://"+addr+"/v1/analyze", "application/json", strings.NewReader(`{"text": "NATO met."}`))
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		if resp.StatusCode == http.StatusServiceUnavailable && strings.Contains(string(body), "server busy") {
			break
		}
		require.True(t, time.Now().Before(deadline), "the held request was not admitted: %s", body)
		select {
		case <-answered:
			answered = hold()
		default:
		}
		time.Sleep(10 * time.Millisecond)
	}

	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	waitFor("shutting down")
	// Signal until the process ends: the first signal after the shutdown
	// began may come before the handler is reset. Without the reset the
	// process would wait ten minutes for the request.
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(time.Minute)
wait:
	for {
		select {
		case _, ok := <-lines:
			if !ok {
				break wait // stderr closed: the process has ended
			}
		case <-tick.C:
			_ = cmd.Process.Signal(os.Interrupt)
		case <-deadline:
			t.Fatal("a second SIGINT did not stop the draining service")
		}
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	ws, ok := exit.Sys().(syscall.WaitStatus)
	require.True(t, ok)
	assert.True(t, ws.Signaled() && ws.Signal() == syscall.SIGINT, "killed by SIGINT, got %v", exit)
}
