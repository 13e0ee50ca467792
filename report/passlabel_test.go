package report

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// labelPassage is one labelled passage (LABELLING.md, "Passages"): where it
// begins — a line and the words that open it — and the period and kind a
// figure there takes unless a cue of its own says otherwise.
type labelPassage struct {
	Line   int    `yaml:"line"`
	Cue    string `yaml:"cue"`
	Period string `yaml:"period"`
	Kind   string `yaml:"kind"`
}

// passageLabelScore compares the extractor's passages with passages
// labelled by hand, not derived from the claims (as TestPassages derives
// them): for every labelled figure the extractor finds, the context of the
// labelled passage it stands in against the context of the extractor's
// passage there (passageAt: time phrases of the figure's own sentence
// aside); and per labelled passage, whether every such figure in it agrees.
type passageLabelScore struct {
	reports, reviewWrong int
	figures, right       int
	passages, passRight  int // labelled passages holding a found figure, and those all of whose figures agree
	errors               []string
}

func (s *passageLabelScore) add(o passageLabelScore) {
	s.reports += o.reports
	s.reviewWrong += o.reviewWrong
	s.figures += o.figures
	s.right += o.right
	s.passages += o.passages
	s.passRight += o.passRight
}

func (s passageLabelScore) String() string {
	r := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(n) / float64(of)
	}
	return fmt.Sprintf("%d reports with passage labels (review year wrong in %d); figures in the passage the labels give it: %d of %d (%.3f); passages read whole: %d of %d (%.3f)",
		s.reports, s.reviewWrong, s.right, s.figures, r(s.right, s.figures), s.passRight, s.passages, r(s.passRight, s.passages))
}

// labelledPassageStarts is the rune index in x's text where each labelled
// passage begins: its cue's first rune on its line, or the line's first
// rune (the next kept line's, when the line was dropped as blank).
func labelledPassageStarts(x *extractor, ps []labelPassage) []int {
	starts := make([]int, len(ps))
	for k, p := range ps {
		at := sort.SearchInts(x.t.lines, p.Line)
		if at < len(x.t.lines) && x.t.lines[at] == p.Line && p.Cue != "" {
			end := at
			for end < len(x.t.lines) && x.t.lines[end] == p.Line {
				end++
			}
			cue := []rune(strings.Join(strings.Fields(p.Cue), ""))
			for i := at; i+len(cue) <= end; i++ {
				if string(x.t.runes[i:i+len(cue)]) == string(cue) {
					at = i
					break
				}
			}
		}
		starts[k] = at
	}
	return starts
}

// scoreLabelledPassages scores one report's passages; year is the review
// year given (0: read from the text, as tally extract runs).
func scoreLabelledPassages(l labelled, lines []string, year int) passageLabelScore {
	s := passageLabelScore{reports: 1}
	x, figs, found := extract(lines, Options{Year: year})
	if x.review != l.Reviews {
		s.reviewWrong = 1
	}
	starts := labelledPassageStarts(x, l.Passages)
	want := map[string]int{}
	for _, c := range l.Claims {
		want[key(c.Line, c.Value, c.Unit)]++
	}
	bad := map[int]bool{}
	held := map[int]bool{}
	for i, c := range found {
		k := key(c.Line, c.Value, c.Unit)
		if want[k] == 0 {
			continue
		}
		want[k]--
		f := figs[i]
		n := sort.Search(len(starts), func(j int) bool { return starts[j] > f.start }) - 1
		if n < 0 {
			continue // before the first labelled passage
		}
		lp := l.Passages[n]
		label := ctxOf(lp.Period, lp.Kind == "target")
		p, _ := x.passageAt(f.start)
		ext := ""
		if x.review != 0 {
			ext = ctxOf(p.String(), p.target)
		}
		s.figures++
		held[n] = true
		if ext == label {
			s.right++
			continue
		}
		bad[n] = true
		s.errors = append(s.errors, fmt.Sprintf("line %d %s%s: passage %d (line %d %q) is %s, the extractor's passage there %s",
			c.Line, c.Value, c.Unit, n+1, lp.Line, lp.Cue, label, orUnknown(ext)))
	}
	s.passages = len(held)
	for n := range held {
		if !bad[n] {
			s.passRight++
		}
	}
	return s
}

// TestLabelledPassages scores the extractor's passages against the passages
// labelled by hand in the development reports (from blind batch 8 on, and
// added to the earlier development reports afterwards), as read (no year
// given) and with the review year given. TALLY_PASSAGE_DIR scores another
// folder of labelled reports instead (a new batch, before it is split),
// with no floor.
func TestLabelledPassages(t *testing.T) {
	corpusTest(t)
	dir, floors := os.Getenv("TALLY_PASSAGE_DIR"), false
	if dir == "" {
		dir, floors = "testdata/reports/dev", true
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	var read, given passageLabelScore
	for _, f := range files {
		l, lines := readLabelled(t, f, dir)
		if len(l.Passages) == 0 {
			continue
		}
		name := strings.TrimSuffix(l.Report, ".txt")
		r, g := scoreLabelledPassages(l, lines, 0), scoreLabelledPassages(l, lines, l.Reviews)
		read.add(r)
		given.add(g)
		if testing.Verbose() {
			for _, e := range g.errors {
				t.Logf("%s (year given): %s", name, e)
			}
		}
	}
	if read.reports == 0 {
		t.Skipf("no report in %s has passage labels", dir)
	}
	t.Logf("%s, as read: %s", dir, read)
	t.Logf("%s, the review year given: %s", dir, given)
	if !floors {
		return
	}
	// Floors: what the extractor reaches on the development reports'
	// labelled passages (in-sample); raise them when a change gains.
	if got, want := float64(given.right)/float64(given.figures), passageLabelFloor; got < want {
		t.Errorf("dev figures in their labelled passage's context, year given: %.3f, want ≥ %.3f", got, want)
	}
}

// passageLabelFloor is the share of dev figures whose extractor passage has
// the labelled passage's period and kind, the review year given: 2,671
// of 2,727 when the 183 development reports got passage labels. Batches 8
// and 9's development halves, joined dev with their years fixed, brought
// passages no general rule reads yet (passages of targets whose end is not
// read: huanglong-2026, pingshan-2022, xingqing-2025): measured 3,516 of
// 3,658 (0.961) over 245 reports with passage labels; with the passages
// paragraphs open by their year and tense (ext10p, paragraph.go) 3,632
// (0.9929). Batch 10's development half joined after its round (ext11):
// 3,940 of 3,972 over 263 reports (0.9919; its own 308 of 314, the misses
// two counts heading their clauses in term reviews and the targets of a
// text without a year). Batch 18's half joined (2026-12-02, fifth
// session): 4,739 of 4,790 over 321 reports (0.9894), its own 72 of 83,
// the misses jiaocheng-2021's plan page (no title, heading or date; only
// its imperative voice says plan) read as a review.
const passageLabelFloor = 0.989
