package reconcile

import (
	"os/exec"
	"strings"
	"testing"
)

// The domain knows nothing of file formats or the CLI.
func TestDomainIsPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"excelize", "cobra", "yaml", "github.com/jingwu/tally/workbook", "github.com/jingwu/tally/spec"} {
			if strings.Contains(dep, banned) {
				t.Errorf("reconcile depends on %s", dep)
			}
		}
	}
}
