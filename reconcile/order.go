package reconcile

import (
	"fmt"
	"path"
	"strings"
	"time"
)

// TemplateStamp is the save time tally writes into every template and
// workbook it makes, so their bytes are reproducible. A program that keeps
// it when it saves (openpyxl does) records no save time of its own.
const TemplateStamp = "2000-01-01T00:00:00"

// RecordedSave returns the save time (RFC 3339 UTC) a file for period p
// records, or "" when it records none to believe: none at all, tally's
// template stamp, or a time before the period began — a month's figures
// are not saved before the month starts, so such a time was kept from the
// template or set by a wrong clock. A file without one is never judged
// late, and between two files for one department-month the choice falls
// back to their names (see Preferred).
func RecordedSave(p Period, stamp string) string {
	if len(stamp) < 10 || strings.HasPrefix(stamp, TemplateStamp) {
		return ""
	}
	if p.Year > 0 && stamp[:10] < fmt.Sprintf("%04d-%02d-01", p.Year, max(p.Month, 1)) {
		return ""
	}
	return stamp
}

// FutureSlack is how far past the run's clock a recorded save time may be
// and still be believed: a time without a zone (LibreOffice writes local
// time so) is read as UTC, up to 14 hours early, and an office PC's clock
// may be off by some hours.
const FutureSlack = 24 * time.Hour

// InFuture reports whether a recorded save time (RFC 3339) lies more than
// FutureSlack after now (RFC 3339; "" is no clock, nothing is future): no
// file was saved after the run that reads it, so such a time was set by a
// wrong clock or by hand, and it must not make its file count over another.
func InFuture(stamp, now string) bool {
	if stamp == "" || now == "" {
		return false
	}
	t, err := time.Parse(time.RFC3339Nano, stamp)
	n, nerr := time.Parse(time.RFC3339Nano, now)
	return err == nil && nerr == nil && t.After(n.Add(FutureSlack))
}

// recorded returns s with only the save time it records to believe
// (RecordedSave, and not in the future of now, see InFuture); s itself is
// not changed.
func recorded(s *Submission, now string) *Submission {
	modified, saved := RecordedSave(s.Period, s.Modified), RecordedSave(s.Period, s.Saved)
	if InFuture(modified, now) {
		modified = ""
	}
	if s.Modified != "" && modified == "" {
		saved = "" // the date of a stamp not to believe
	}
	if modified == s.Modified && saved == s.Saved {
		return s
	}
	c := *s
	c.Modified, c.Saved = modified, saved
	return &c
}

// Identity is what a file is, known before its cells are read: enough to
// put a run in order. Files are consolidated in period order whatever their
// names, folders or the order they were given in, so the checks across
// months (本年累计) and the choice between two files for one
// department-month never depend on how the files were named or passed.
type Identity struct {
	File       string // as given, the last tie-break
	SHA256     string
	Department string // "" when unknown
	Period     Period
	Readable   bool
	// Modified is when the file says it was last saved, as an RFC 3339 UTC
	// timestamp ("" when it does not say).
	Modified string
	// Consolidated: the file is a consolidated workbook tally wrote (it
	// has the seal sheet), not a submission.
	Consolidated bool
	// Annotated: the file is an annotated copy tally wrote and nobody
	// has saved since (its tally.annotated mark, the digest of its other
	// parts, still holds), not a return. Unfilled: a template as tally
	// template wrote it (tally.unfilled), nobody has filled it in.
	Annotated, Unfilled bool
	// NameConflict: the file's name says another department or period
	// than the template it was filled in (wrong_template) — last month's
	// file re-used under this month's name, say. Identified by its
	// template, it never displaces a file of that department-month whose
	// name agrees (Preferred).
	NameConflict bool
}

// IdentityOf returns what a read submission says it is.
func IdentityOf(s *Submission) Identity {
	id := Identity{File: s.File, SHA256: s.SHA256, Department: s.Department, Period: s.Period,
		Readable: !s.Unreadable, Modified: RecordedSave(s.Period, s.Modified)}
	for _, f := range s.Findings {
		id.NameConflict = id.NameConflict || f.Rule == RuleWrongTemplate
	}
	return id
}

// IdentityAt is IdentityOf for a run whose clock is now: a save time in
// its future (InFuture) is no save time to order by.
func IdentityAt(s *Submission, now string) Identity {
	id := IdentityOf(s)
	if InFuture(id.Modified, now) {
		id.Modified = ""
	}
	return id
}

// recorded is recorded(s, now) for the run, saying when the file records a
// save time in the run's future (future_save_time), which is not believed.
func (l *Ledger) recorded(s *Submission) *Submission {
	if m := RecordedSave(s.Period, s.Modified); InFuture(m, l.opt.Now) {
		if l.future == nil {
			l.future = map[string]bool{}
		}
		l.future[s.File] = true
		l.finding(Finding{Source: Source{File: s.File}, Department: s.Department, Period: s.Period.String(),
			Rule: RuleFutureSave, Severity: Warning, Fields: Fields{"saved": clockText(m), "now": clockText(l.opt.Now)}})
	}
	return recorded(s, l.opt.Now)
}

// clockText is an RFC 3339 time for a message, in 北京时间 in both
// languages (the office's clock: a newcomer found the English UTC beside
// other messages' Beijing time).
func clockText(stamp string) Text {
	t, err := time.Parse(time.RFC3339Nano, stamp)
	if err != nil {
		return Text{stamp, stamp}
	}
	return Text{t.In(beijing).Format("2006-01-02 15:04:05") + " 北京时间", t.In(beijing).Format("2006-01-02 15:04:05") + " Beijing time (UTC+8)"}
}

// Before reports whether a is consolidated before b: identified files by
// period, then department; for one department-month the file that counts
// first (see Preferred); unidentified files last, by content. The file's
// name decides only between files that are otherwise the same.
func (a Identity) Before(b Identity) bool {
	if (a.Department == "") != (b.Department == "") {
		return b.Department == ""
	}
	if a.Department == "" {
		if a.SHA256 != b.SHA256 {
			return a.SHA256 < b.SHA256
		}
		return a.File < b.File
	}
	if a.Period != b.Period {
		return a.Period.Before(b.Period)
	}
	if a.Department != b.Department {
		return a.Department < b.Department
	}
	return a.Preferred(b)
}

// Preferred reports whether a counts rather than b when both are files of
// one department-month: a readable file before an unreadable one, then a
// file whose name does not contradict its template (NameConflict), then the
// later save time the file records, then a file named for its period and
// department over one whose name says nothing, then the later name (so
// "2020-03-czs (1).xlsx", a re-sent copy, counts over "2020-03-czs.xlsx"),
// then the path and the content, so the choice is total. Between
// byte-identical copies (both SHA-256 known and equal) the figures are the
// same whichever counts: the one named as issued does (2020-08-kjk.xlsx
// over "2020-08-kjk - 副本.xlsx"), then the earlier name.
func (a Identity) Preferred(b Identity) bool {
	if a.Readable != b.Readable {
		return a.Readable
	}
	if a.NameConflict != b.NameConflict {
		return b.NameConflict
	}
	if am, bm := RecordedSave(a.Period, a.Modified), RecordedSave(b.Period, b.Modified); am != bm {
		return am > bm
	}
	if a.SHA256 != "" && a.SHA256 == b.SHA256 {
		if ra, rb := a.NameRank(a.File), b.NameRank(b.File); ra != rb {
			return ra > rb
		}
		if an, bn := stem(a.File), stem(b.File); an != bn {
			return naturalLess(an, bn)
		}
		return a.File < b.File
	}
	if na, nb := a.namedFor(), b.namedFor(); na != nb {
		return na // named as issued (2020-03-czs…) over a name that says nothing
	}
	an, bn := stem(a.File), stem(b.File)
	if an != bn {
		return naturalLess(bn, an)
	}
	if a.File != b.File {
		return a.File > b.File
	}
	return a.SHA256 > b.SHA256
}

// namedFor reports whether a file's name starts with the period and
// department it is for, as issued (2020-03-czs.xlsx) or copied
// (2020-03-czs (1).xlsx, 2020-03-czs-v2.xlsx).
func (a Identity) namedFor() bool {
	if a.Department == "" {
		return false
	}
	prefix := strings.ToLower(a.Period.String() + "-" + a.Department)
	name := strings.ToLower(stem(a.File))
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	rest := name[len(prefix):]
	return rest == "" || !(rest[0] >= 'a' && rest[0] <= 'z' || rest[0] >= '0' && rest[0] <= '9')
}

// NameRank ranks a name a file of this identity could go by: 2 the name
// as issued (2020-07-kjk.xlsx), 1 a copy's (2020-07-kjk (1).xlsx), 0 one
// that says nothing of its period and department.
func (a Identity) NameRank(file string) int {
	b := a
	b.File = file
	switch {
	case !b.namedFor():
		return 0
	case strings.EqualFold(stem(file), a.Period.String()+"-"+a.Department):
		return 2
	}
	return 1
}

// stem is a file's base name without its extension.
func stem(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

// naturalLess compares names with runs of digits by their value, so that
// "x (9)" comes before "x (10)"; a name that extends another comes after it.
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da != "" && db != "" {
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
