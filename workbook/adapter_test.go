package workbook_test

import (
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// importers lists, for the packages matched by patterns and everything
// they depend on (tests excluded), the packages that import excelize
// themselves.
func importers(t *testing.T, patterns ...string) []string {
	t.Helper()
	args := append([]string{"list", "-deps", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`}, patterns...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	var who []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "github.com/xuri/") {
			continue
		}
		for _, imp := range f[1:] {
			if strings.HasPrefix(imp, "github.com/xuri/excelize") {
				who = append(who, f[0])
				break
			}
		}
	}
	sort.Strings(who)
	return who
}

// One door to xlsx: the command, the templates and the report extractor
// reach excelize only through workbook, the adapter. The rest of the
// module adds only the test tooling that crafts files as a third-party
// writer would (internal/sample, internal/bench) or opens a template for a
// test to type into (internal/testtool/templatetest); tests are free.
func TestOneAdapter(t *testing.T) {
	const tally = "github.com/jingwu/tally/"
	got := importers(t, tally+"cmd/...", tally+"templates/...", tally+"report/...")
	if strings.Join(got, " ") != tally+"workbook" {
		t.Errorf("excelize is imported by %v; want by %sworkbook alone", got, tally)
	}
	tooling := map[string]bool{tally + "workbook": true, tally + "internal/sample": true, tally + "internal/bench": true,
		tally + "internal/testtool/templatetest": true}
	for _, p := range importers(t, tally+"...") {
		if !tooling[p] {
			t.Errorf("%s imports excelize: render through workbook (WriteBook) instead", p)
		}
	}
}
