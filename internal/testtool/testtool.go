// Package testtool finds the outside programs some tests need (LibreOffice,
// Python with openpyxl or uno, poppler): a test skips without them, unless
// TALLY_REQUIRE_TOOLS is set (as .ci/run sets it), when it fails instead.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Require returns the path of program name, checking it runs with args when
// given; it skips or fails the test when it does not.
func Require(t testing.TB, name string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil && len(args) > 0 {
		err = exec.Command(path, args...).Run()
	}
	if err != nil {
		if os.Getenv("TALLY_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is required here (TALLY_REQUIRE_TOOLS is set): %v", name, err)
		}
		t.Skipf("%s not available (%v); install it, or set TALLY_REQUIRE_TOOLS to make this a failure", name, err)
	}
	return path
}

// Python returns Debian's python3 (where python3-openpyxl and python3-uno
// install), or the first python3 on PATH, once import succeeds.
func Python(t testing.TB, module string) string {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = "python3"
	}
	return Require(t, py, "-c", "import "+module)
}
