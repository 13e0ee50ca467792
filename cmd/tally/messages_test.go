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
	runs := [][]string{
		{"check", "--json", repo(t, "testdata/bad")},
		{"reconcile", "--json", repo(t, "testdata/submissions")},
		{"reconcile", "--json", "--as-of", "2021-06", repo(t, "testdata/submissions")},
	}
	for _, args := range runs {
		for _, lang := range []string{"zh", "en"} {
			var out, errb strings.Builder
			run(append(append([]string{}, args...), "--lang", lang), strings.NewReader(""), &out, &errb)
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
