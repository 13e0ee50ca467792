package reconcile

import (
	"hash/fnv"
	"unicode/utf8"
)

// Findings are bounded per file: a hostile or broken file with hundreds
// of thousands of problems gets its first MaxFindingsPerFile and one
// summary finding saying how many more (and how many of them errors), so
// no output grows with the damage. A cell's raw text is clipped to
// MaxFindingText characters in every finding; the first finding of each
// long text says how long it is (once per text, not once per cell that
// shows it).

// findingBound is the ledger's count of one file's findings.
type findingBound struct {
	listed, dropped, droppedErrors int
	order                          int
}

// bounded adds f under the per-file bounds; it reports whether f was kept.
func (l *Ledger) bounded(f Finding) {
	max := l.opt.MaxFindingsPerFile
	if f.File == "" || max <= 0 {
		l.res.Findings = append(l.res.Findings, l.clipped(f)...)
		return
	}
	b := l.bounds[f.File]
	if b == nil {
		b = &findingBound{order: len(l.bounds)}
		l.bounds[f.File] = b
		l.boundOrder = append(l.boundOrder, f.File)
	}
	if f.Rule == RuleTooManyFindings {
		// A reader's own summary: folded into this file's one summary.
		d, _ := f.Fields["more"].(int)
		e, _ := f.Fields["errors"].(int)
		b.dropped += d
		b.droppedErrors += e
		return
	}
	if b.listed >= max {
		b.dropped++
		if f.Severity == Error {
			b.droppedErrors++
		}
		return
	}
	b.listed++
	l.res.Findings = append(l.res.Findings, l.clipped(f)...)
}

// summariseBounds adds one summary finding for each file past the bound.
func (l *Ledger) summariseBounds() {
	for _, file := range l.boundOrder {
		b := l.bounds[file]
		if b.dropped == 0 {
			continue
		}
		sev := Warning
		if b.droppedErrors > 0 {
			sev = Error
		}
		l.res.Findings = append(l.res.Findings, Finding{Source: Source{File: file}, Rule: RuleTooManyFindings, Severity: sev,
			Fields: Fields{"listed": b.listed, "more": b.dropped, "errors": b.droppedErrors}})
	}
}

// clipped returns f with its raw text and text arguments clipped, preceded
// by a long_text finding the first time this file shows this text.
func (l *Ledger) clipped(f Finding) []Finding {
	n := l.opt.MaxFindingText
	if n <= 0 {
		return []Finding{f}
	}
	var out []Finding
	if chars := utf8.RuneCountInString(f.Raw); chars > n {
		h := fnv.New64a()
		h.Write([]byte(f.File))
		h.Write([]byte{0})
		h.Write([]byte(f.Raw))
		if k := h.Sum64(); !l.longSeen[k] {
			l.longSeen[k] = true
			out = append(out, Finding{Source: f.Source, Department: f.Department, Period: f.Period, Rule: RuleLongText,
				Severity: Info, Raw: ClipText(f.Raw, n), Fields: Fields{"length": chars, "shown": n}})
		}
		f.Raw = ClipText(f.Raw, n)
	}
	var fields Fields
	for k, a := range f.Fields {
		if s, ok := a.(string); ok && utf8.RuneCountInString(s) > n {
			if fields == nil {
				fields = Fields{}
				for kk, v := range f.Fields {
					fields[kk] = v
				}
			}
			fields[k] = ClipText(s, n)
		}
	}
	if fields != nil {
		f.Fields = fields
	}
	return append(out, f)
}

// ClipText shortens s to n characters, marking the cut with "…".
func ClipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	k := 0
	for i := range s {
		if k == n {
			return s[:i] + "…"
		}
		k++
	}
	return s
}

// noteUnreadable records an unreadable file of a department-month. It
// makes the month incomplete only if no readable file for it is used: a
// second, broken copy of a month already read is reported by its own
// finding, and does not undo the month.
func (l *Ledger) noteUnreadable(key string, s *Submission) {
	if _, ok := l.unreadable[key]; !ok {
		l.unreadable[key] = Text{"文件无法读取：" + s.File, "unreadable: " + s.File}
		l.unreadKeys = append(l.unreadKeys, key)
		l.unreadSubs = append(l.unreadSubs, unreadSub{s.Department, s.Period})
	}
}

type unreadSub struct {
	dept string
	p    Period
}

// markUnreadable marks incomplete the department-months whose only files
// were unreadable.
func (l *Ledger) markUnreadable() {
	for i, key := range l.unreadKeys {
		if !l.used[key] {
			u := l.unreadSubs[i]
			l.markIncomplete(u.dept, u.p, l.unreadable[key])
		}
	}
}
