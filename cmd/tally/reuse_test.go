package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// Last month's return re-used for this month: a department opens its June
// file, types July's figures and saves it as 2021-07-czs.xlsx. Its hidden
// fingerprint says June, so tally identifies it as June's — and, saved
// later than the real June file, it used to count instead of it: June's
// totals changed silently (a newcomer's trial, with LibreOffice). A file
// whose name says another department-month than its template never counts
// over one whose name agrees (reconcile.Identity.NameConflict): the real
// June counts, the re-used file is a duplicate not consolidated, and it
// is told why (wrong_template).
func TestReusedFileDisplacesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	june := repo(t, "testdata/submissions/2021-06-czs.xlsx")
	copyFile(t, june, filepath.Join(dir, "2021-06-czs.xlsx"))
	const stamp = `<dcterms:modified xsi:type="dcterms:W3CDTF">2021-07-03T09:00:00Z</dcterms:modified>`
	rewriteXLSX(t, june, filepath.Join(dir, "2021-07-czs.xlsx"), "docProps/core.xml", stamp,
		`<dcterms:modified xsi:type="dcterms:W3CDTF">2021-08-02T09:00:00Z</dcterms:modified>`)
	_, out, errOut := runTally(t, "reconcile", "--json", "--as-of", "2021-07", dir)
	var res jsonResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	status := map[string]string{}
	for _, in := range res.Inputs {
		status[filepath.Base(in.File)] = in.Period + " " + in.Status
	}
	if status["2021-06-czs.xlsx"] != "2021-06 ok" || status["2021-07-czs.xlsx"] != "2021-06 duplicate" {
		t.Errorf("inputs %v, want the real June consolidated and the re-used file a duplicate of it", status)
	}
	// The re-used file's rows are not rows refused: said apart.
	dupRows := 0
	for _, in := range res.Inputs {
		if in.Status == "duplicate" {
			dupRows += in.Rows
		}
	}
	if s := res.Summary; dupRows == 0 || s.RowsDuplicate != dupRows || s.RowsRejected < dupRows {
		t.Errorf("summary: %d rows rejected, %d of duplicates; want the duplicate's %d rows as rows_duplicate", s.RowsRejected, s.RowsDuplicate, dupRows)
	}
	_, text, _ := runTally(t, "reconcile", "--as-of", "2021-07", dir)
	if want := fmt.Sprintf("，重复报送未采用 %d）", dupRows); !strings.Contains(text, want) {
		t.Errorf("summary line: want %q in\n%s", want, text)
	}
	wrong := false
	for _, f := range res.Findings {
		wrong = wrong || f.Rule == "wrong_template" && filepath.Base(f.File) == "2021-07-czs.xlsx"
	}
	if !wrong {
		t.Errorf("the re-used file is not told that its name and template disagree")
	}
}
