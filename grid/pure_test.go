package grid

import (
	"os/exec"
	"strings"
	"testing"
)

// What a workbook says is described without a file format: grid and
// templates build on the standard library, decimal, reconcile and each
// other only, never excelize or the adapter.
func TestGridIsPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/jingwu/tally/grid", "github.com/jingwu/tally/templates").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	allowed := map[string]bool{
		"github.com/shopspring/decimal": true, "github.com/jingwu/tally/reconcile": true,
		"github.com/jingwu/tally/grid": true, "github.com/jingwu/tally/templates": true,
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(strings.SplitN(dep, "/", 2)[0], ".") && !allowed[dep] {
			t.Errorf("grid or templates depends on %s", dep)
		}
	}
}
