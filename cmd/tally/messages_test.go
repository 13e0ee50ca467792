package main

import (
	"regexp"
	"strings"
	"testing"
)

var unfilled = regexp.MustCompile(`\{[a-z_]+\}`)

// TestMessagesFilled runs check over every broken file and reconcile over
// the sample year, in both languages, and fails on any message that left a
// named field unfilled: the findings as the commands build them carry the
// fields their messages place.
func TestMessagesFilled(t *testing.T) {
	t.Parallel()
	runs := [][]string{
		{"check", "--json", repo(t, "testdata/bad")},
		{"reconcile", "--json", "$SAMPLE"},
		{"reconcile", "--json", "--as-of", "2021-06", "$SAMPLE"},
	}
	for _, args := range runs {
		for _, lang := range []string{"zh", "en"} {
			var out, errb strings.Builder
			if args[0] == "reconcile" { // the runs other tests share: sampleJSON
				asOf := ""
				if args[2] == "--as-of" {
					asOf = args[3]
				}
				_, so, se := sampleJSON(t, lang, asOf)
				out.Write(so)
				errb.Write(se)
			} else {
				run(append(append([]string{}, args...), "--lang", lang), strings.NewReader(""), &out, &errb)
			}
			if out.Len() == 0 {
				t.Fatalf("%v %s: no output; stderr %s", args, lang, errb.String())
			}
			for _, line := range strings.Split(out.String(), "\n") {
				if strings.Contains(line, `"message"`) && unfilled.MatchString(line) {
					t.Errorf("%v --lang %s: unfilled field in %s", args, lang, strings.TrimSpace(line))
				}
			}
		}
	}
}

// Every note a claim or a target gives for being incomplete points at a
// finding listed in the same run: a department-month not submitted at its
// missing_submission, a rejected row or an unreadable file at a finding of
// that file; a month of another year than the run's at that year's
// other_year_months (no month of it is 未报送 in the run). July 2021 has
// no file at all, and 科技科's August 2020 (which the 2020 claims need) is
// missing too; in the 2021 runs the 2020 claims stand on December's
// 本年累计 and need no August, so as of 2021-06 no note is left.
func TestNotesPointAtFindings(t *testing.T) {
	t.Parallel()
	for _, asOf := range []string{"2020-12", "2021-06", "2021-07"} {
		res, _, _ := reconcileSample(t, asOf)
		missing := map[string]bool{}
		files := map[string]bool{}
		otherYear := map[string]bool{}
		for _, f := range res.Findings {
			if f.Rule == "missing_submission" {
				missing[strings.TrimSuffix(f.Message, " has not been submitted")] = true
			}
			if f.Rule == "other_year_months" {
				otherYear[f.Period] = true
			}
			if f.Severity == "error" {
				files[f.File] = true
			}
		}
		var notes []string
		for _, c := range res.Claims {
			notes = append(notes, c.Notes...)
		}
		for _, tg := range res.Targets {
			notes = append(notes, tg.Missing...)
		}
		checked := 0
		for _, n := range notes {
			switch {
			case strings.HasPrefix(n, "missing: ") && !strings.Contains(n, " "+asOf[:4]+"-"):
				checked++
				if y := n[strings.LastIndex(n, " ")+1:]; !otherYear[y[:4]] {
					t.Errorf("as of %s: note %q has no other_year_months finding of %s", asOf, n, y[:4])
				}
			case strings.HasPrefix(n, "missing: "):
				checked++
				if !missing[strings.TrimPrefix(n, "missing: ")] {
					t.Errorf("as of %s: note %q has no missing_submission finding", asOf, n)
				}
			case strings.Contains(n, "rejected row"), strings.HasPrefix(n, "unreadable: "):
				checked++
				file := n[strings.Index(n, ": ")+2:]
				file = strings.TrimPrefix(file, "unreadable: ")
				if i := strings.Index(file, ".xlsx"); i >= 0 {
					file = file[:i+5]
				}
				if !files[file] {
					t.Errorf("as of %s: note %q has no error finding in %s", asOf, n, file)
				}
			}
		}
		if checked == 0 && asOf != "2021-06" {
			t.Errorf("as of %s: no note checked", asOf)
		}
		if s := res.Summary; s.Findings != len(res.Findings) || s.Findings != s.Errors+s.Warnings+s.Infos {
			t.Errorf("as of %s: counted %+v, listed %d", asOf, s, len(res.Findings))
		}
	}
}
