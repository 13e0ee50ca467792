package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/spec"
)

// The reading rules are each shown on sentences written for the test (no
// report's own wording): a table of cases per batch of rules, all run by
// checkRules, and the names those figures map to by checkNames.

// ruleCase: a rule's name, the text that shows it (read after its table's
// head, as a report's lines) and every figure the text must give, in order.
type ruleCase struct {
	name, text string
	want       []detail
}

// anySubject, as checkRules' last argument, lets a figure whose want leaves
// its subject blank have any subject: the table tests periods and kinds.
const anySubject = true

// checkRules extracts each case's head+text and compares all its figures
// with the case's, each case a subtest.
func checkRules(t *testing.T, head string, cases []ruleCase, blankIsAny ...bool) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := details(Extract(strings.Split(head+c.text, "\n"), Options{}))
			if len(blankIsAny) > 0 && blankIsAny[0] {
				for k := range got {
					if k < len(c.want) && c.want[k].Subject == "" {
						got[k].Subject = ""
					}
				}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", c.name, diff)
			}
		})
	}
}

// namesCase: a text and the indicator of the default spec each of its
// figures maps to, "" for none.
type namesCase struct {
	name, text string
	want       []string
}

// checkNames extracts each case's head+text and maps its figures to the
// default spec's indicators as reconcile --report does.
func checkNames(t *testing.T, head string, cases []namesCase) {
	t.Helper()
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			found := Extract(strings.Split(head+c.text, "\n"), Options{})
			if diff := cmp.Diff(c.want, MapIndicators(found, s)); diff != "" {
				t.Errorf("%s: indicators (-want +got):\n%s\n%+v", c.text, diff, found)
			}
		})
	}
}
