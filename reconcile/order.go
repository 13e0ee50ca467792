package reconcile

import (
	"path"
	"strings"
)

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
}

// IdentityOf returns what a read submission says it is.
func IdentityOf(s *Submission) Identity {
	return Identity{File: s.File, SHA256: s.SHA256, Department: s.Department, Period: s.Period,
		Readable: !s.Unreadable, Modified: s.Modified}
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
// one department-month: a readable file before an unreadable one, then the
// later save time the file records, then a file named for its period and
// department over one whose name says nothing, then the later name (so
// "2020-03-czs (1).xlsx", a re-sent copy, counts over "2020-03-czs.xlsx"),
// then the path and the content, so the choice is total.
func (a Identity) Preferred(b Identity) bool {
	if a.Readable != b.Readable {
		return a.Readable
	}
	if a.Modified != b.Modified {
		return a.Modified > b.Modified
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
