package reconcile

import (
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"testing"
)

// spillRun consolidates subs through a ledger, with the months kept on
// disk past mem row figures when spill is set; it returns the result and
// how many months went to disk.
func spillRun(t *testing.T, s *Spec, subs []Submission, spill bool, mem int) (*Result, int) {
	t.Helper()
	old := MemMonthValues
	MemMonthValues = mem
	defer func() { MemMonthValues = old }()
	l := NewLedger(s, Options{AsOf: Period{2020, 6}, SpillMonths: spill})
	for i := range subs {
		l.Add(&subs[i])
	}
	res := l.Result()
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	dir := l.spill.name
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if dir != "" {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("the months' file %s is still there after Close", dir)
		}
	}
	return res, l.spill.n
}

// spillMonths makes six months of three departments whose rows come and
// go, whose 本年累计 sometimes breaks the chain, with figures of every
// size (big ones past 18 digits among them).
func spillMonths(s *Spec, seed int64) []Submission {
	rnd := rand.New(rand.NewSource(seed))
	base := s.Departments[0]
	for _, code := range []string{"czs2", "czs3"} {
		d := base
		d.Code, d.Name = code, "财政所"+code
		d.Tables = []Table{base.Tables[0]}
		d.Tables[0].ID = code + "-tax"
		s.Departments = append(s.Departments, d)
	}
	names := []string{"甲", "乙", "丙", "丁", "戊"}
	ytd := map[string]int64{}
	var subs []Submission
	for m := 1; m <= 6; m++ {
		for di := range s.Departments {
			dept := s.Departments[di].Code
			file := fmt.Sprintf("2020-%02d-%s.xlsx", m, dept)
			var rows []Row
			for i, name := range names {
				if rnd.Intn(5) == 0 {
					continue // the row is not there this month
				}
				line := 4 + i
				k := dept + name
				if m == 1 {
					ytd[k] = 0
				}
				mv := rnd.Int63n(100000)
				ytd[k] += mv
				y := fmt.Sprint(ytd[k])
				switch rnd.Intn(6) {
				case 0:
					y = fmt.Sprint(ytd[k] + 1) // off the chain
				case 1:
					y = "1234567890123456789012.5" // past 18 digits
				}
				rows = append(rows, Row{Line: line, Name: name, LineN: -1, Cells: []Cell{
					{Source: Source{file, "税收", fmt.Sprintf("A%d", line)}},
					num(file, fmt.Sprintf("B%d", line), fmt.Sprint(mv)),
					num(file, fmt.Sprintf("C%d", line), y),
				}})
			}
			subs = append(subs, Submission{File: file, Department: dept, Period: Period{2020, m},
				Sheets: []Sheet{{Table: &s.Departments[di].Tables[0], Name: "税收", Rows: rows}}})
		}
	}
	return subs
}

// The months kept on disk give the same findings and totals as the months
// held in memory.
func TestSpilledMonthsAgree(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		s := testSpec()
		subs := spillMonths(s, seed)
		held, _ := spillRun(t, s, subs, false, 1)
		spilled, n := spillRun(t, s, subs, true, 1)
		if n == 0 {
			t.Fatalf("seed %d: no month was kept on disk", seed)
		}
		if !reflect.DeepEqual(held.Findings, spilled.Findings) {
			t.Errorf("seed %d: findings differ\nheld    %v\nspilled %v", seed, rules(held), rules(spilled))
		}
		if !reflect.DeepEqual(held.Series, spilled.Series) || !reflect.DeepEqual(held.Summary, spilled.Summary) {
			t.Errorf("seed %d: totals differ", seed)
		}
		chain := 0
		for _, f := range held.Findings {
			if f.Rule == RuleYTDChain || f.Rule == RuleAppears || f.Rule == RuleDisappears {
				chain++
			}
		}
		if chain == 0 {
			t.Errorf("seed %d: no check across months found anything: the test compares nothing", seed)
		}
	}
}

// A month that cannot be written to disk fails the run.
func TestSpillWriteFails(t *testing.T) {
	t.Setenv("TMPDIR", "/nonexistent/tally-no-such-folder")
	s := testSpec()
	subs := spillMonths(s, 1)
	old := MemMonthValues
	MemMonthValues = 1
	defer func() { MemMonthValues = old }()
	l := NewLedger(s, Options{AsOf: Period{2020, 6}, SpillMonths: true})
	defer l.Close()
	for i := range subs {
		l.Add(&subs[i])
	}
	if l.Err() == nil {
		t.Fatal("no error when the months' temporary file cannot be written")
	}
}
