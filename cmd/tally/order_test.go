package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestOrderIndependence drives the command: every file of the sample year
// copied under a meaningless name (its fingerprint kept), nested in
// folders in an order unrelated to its period, and passed file by file in
// reverse order gives the same --json as the folder under the original
// names, once the names are mapped back; for reconcile and check. A
// re-sent May saved later is among them, named so that a choice by name
// would pick the other file after renaming; and two files that say nothing
// of themselves, named in the opposite order.
func TestOrderIndependence(t *testing.T) {
	t.Parallel()
	src := repo(t, "testdata/submissions")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	orig := filepath.Join(tmp, "orig")
	if err := os.Mkdir(orig, 0o755); err != nil {
		t.Fatal(err)
	}
	type pair struct{ old, new string }
	var files []pair
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		// A name from a hash of the old one: its order is unrelated to the period.
		h := sha256.Sum256([]byte(e.Name()))
		dir := filepath.Join(tmp, "renamed", fmt.Sprintf("d%d", h[0]%5), fmt.Sprintf("sub%d", h[1]%3))
		p := pair{filepath.Join(orig, e.Name()), filepath.Join(dir, fmt.Sprintf("upload-%x.xlsx", h[2:8]))}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{p.old, p.new} {
			if err := os.WriteFile(f, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files = append(files, p)
	}
	// A corrected May of 财政所, saved a day later: it counts whatever the
	// names; and a file that says nothing of itself, ordered by content.
	may, err := os.ReadFile(filepath.Join(src, "2020-05-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	resent := withCore(t, may, "2020-06-03T09:00:00Z", "2020-06-04T09:00:00Z")
	junk, err := os.ReadFile(repo(t, "testdata/bad/not-a-zip.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile(repo(t, "testdata/bad/csv-renamed.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for i, extra := range [][]byte{resent, junk, csv} {
		p := pair{filepath.Join(orig, fmt.Sprintf("extra-%d.xlsx", i)), filepath.Join(tmp, "renamed", fmt.Sprintf("aa-%d.xlsx", 2-i))}
		for _, f := range []string{p.old, p.new} {
			if err := os.WriteFile(f, extra, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files = append(files, p)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].new > files[j].new }) // reverse order of the new names
	var renamed []string
	undo := make([]string, 0, 2*len(files))
	for _, f := range files {
		renamed = append(renamed, f.new)
		undo = append(undo, f.new, f.old)
	}
	back := strings.NewReplacer(undo...)
	for _, cmd := range []string{"reconcile", "check"} {
		want := runJSON(t, cmd, orig)
		got := back.Replace(string(runJSON(t, cmd, renamed...)))
		if got != string(want) {
			t.Errorf("%s: output differs after renaming, nesting and reordering the files:\n%s", cmd, firstDiff(string(want), got))
		}
		for _, must := range []string{"ytd_chain", "duplicate_submission_used", "extra-0.xlsx"} {
			if !bytes.Contains(want, []byte(must)) {
				t.Errorf("%s: no %s in the output", cmd, must)
			}
		}
	}
}

func runJSON(t *testing.T, cmd string, paths ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{cmd, "--json", "--jobs", "2"}, paths...), strings.NewReader(""), &out, &errb)
	if code > exitFindings || errb.Len() > 0 {
		t.Fatalf("%s exit %d: %s", cmd, code, errb.String())
	}
	return out.Bytes()
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// withCore returns an xlsx with its recorded save time replaced.
func withCore(t *testing.T, data []byte, from, to string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "docProps/core.xml" {
			b = bytes.ReplaceAll(b, []byte("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"+from), []byte("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"+to))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(buf.Bytes(), data) {
		t.Fatal("save time not replaced")
	}
	return buf.Bytes()
}

// TestOneFindingOrder: a file's findings come out in one order wherever
// they are listed — check's list, reconcile's terminal and --json, 问题清单
// and the annotated copy's 审核结果 — the reading order README states
// (severity, then sheet, row, column: D4, B6, C7 …, C12 before D44), and
// the months not submitted, of no one file, by severity then period; the
// same whatever order the files are given in.
func TestOneFindingOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	for src, dst := range map[string]string{"testdata/bad/reading-order.xlsx": "2021-01-czs.xlsx", "testdata/submissions/2021-02-zsb.xlsx": "2021-02-zsb.xlsx"} {
		data, err := os.ReadFile(repo(t, src))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, dst), data, 0o644)
	}
	czs := filepath.Join(in, "2021-01-czs.xlsx")
	exec := func(args ...string) string {
		var so, se bytes.Buffer
		if code := run(args, strings.NewReader(""), &so, &se); code != exitFindings {
			t.Fatalf("%v: exit %d\n%s%s", args, code, so.String(), se.String())
		}
		return so.String()
	}
	type at struct{ Sheet, Cell, Rule string }
	var check struct {
		Files []struct {
			File     string
			Findings []at
		}
	}
	decode(t, exec("check", "--json", "--annotate", filepath.Join(dir, "returned"), in), &check)
	var want []at
	for _, f := range check.Files {
		if f.File == czs {
			want = f.Findings
		}
	}
	if len(want) != 6 || want[0].Cell != "D4" || want[1].Cell != "B6" {
		t.Fatalf("check lists %v, want the reading order D4, B6, C7, D4, H4, C5", want)
	}
	type finding struct{ File, Period, Sheet, Cell, Rule, Severity string }
	for _, order := range [][]string{{in}, {filepath.Join(in, "2021-02-zsb.xlsx"), czs}, {czs, filepath.Join(in, "2021-02-zsb.xlsx")}} {
		var res struct{ Findings []finding }
		decode(t, exec(append([]string{"reconcile", "--json", "--as-of", "2021-02"}, order...)...), &res)
		var got []at
		var missing []string
		rank := map[string]int{"error": 0, "warning": 1, "info": 2}
		last := 0
		for i, f := range res.Findings {
			if f.File == czs {
				got = append(got, at{f.Sheet, f.Cell, f.Rule})
			}
			if f.Rule == "missing_submission" {
				missing = append(missing, f.Period)
			}
			if i > 0 && f.File == "" && res.Findings[i-1].File == "" && rank[f.Severity] == last && f.Period < res.Findings[i-1].Period {
				t.Errorf("%v: %s %s listed after %s", order, f.Rule, f.Period, res.Findings[i-1].Period)
			}
			last = rank[f.Severity]
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%v: reconcile --json lists %v, check %v", order, got, want)
		}
		if !sort.StringsAreSorted(missing) || len(missing) < 2 {
			t.Errorf("%v: months not submitted in the order %v, want period order", order, missing)
		}
	}
	// The annotated copy's 审核结果 sheet: sheet, cell, …, rule.
	f, err := excelize.OpenFile(filepath.Join(dir, "returned", "2021-01-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("审核结果")
	var sheetOrder []at
	for _, r := range rows[1:] {
		rule := r[6][strings.LastIndex(r[6], "(")+1:]
		sheetOrder = append(sheetOrder, at{r[0], r[1], strings.TrimSuffix(rule, ")")})
	}
	if fmt.Sprint(sheetOrder) != fmt.Sprint(want) {
		t.Errorf("审核结果 lists %v, check %v", sheetOrder, want)
	}
}

func decode(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
}
