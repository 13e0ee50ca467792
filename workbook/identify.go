package workbook

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jingwu/tally/reconcile"
)

// Identify reads only what a file says it is — its fingerprint (else its
// name), whether it opens, when it was saved, and for a file that says
// nothing its SHA-256 — so a run can be put in period order before any
// cell is read (reconcile.Identity). It decides identity as Read does.
func Identify(path, display string, s *reconcile.Spec, lim Limits) reconcile.Identity {
	id := identify(path, display, s, lim)
	if st, err := os.Stat(path); id.Department == "" && err == nil && st.Mode().IsRegular() {
		// Unidentified files are ordered by their content.
		if f, err := os.Open(path); err == nil {
			h := sha256.New()
			if _, err := io.Copy(h, io.LimitReader(f, lim.MaxFileBytes+1)); err == nil {
				id.SHA256 = hex.EncodeToString(h.Sum(nil))
			}
			f.Close()
		}
	}
	return id
}

func identify(path, display string, s *reconcile.Spec, lim Limits) reconcile.Identity {
	id := reconcile.Identity{File: display}
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		// A FIFO or device would block an open; ReadFile says what it is.
		return id
	}
	f, err := os.Open(path)
	if err != nil {
		return id
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return id
	}
	base := filepath.Base(path)
	byName := identifyByName(reconcile.Submission{}, base, s)
	id.Department, id.Period = byName.Department, byName.Period
	var fp Fingerprint
	var hasFP bool
	if isODS(f, st.Size()) {
		o, err := openODS(f, st.Size(), lim)
		if err != nil {
			return id
		}
		_, _, _, id.Modified, _ = o.meta()
		fp, hasFP = o.fingerprint()
	} else {
		// The string table in one string: nothing of it is kept but the
		// fingerprint's texts, cloned.
		x, err := openXLSXPacked(f, st.Size(), lim, true)
		if err != nil {
			return id
		}
		_, id.Modified, _ = x.saved()
		fp, hasFP = x.fingerprint()
		fp = Fingerprint{Template: strings.Clone(fp.Template), Department: strings.Clone(fp.Department), Period: strings.Clone(fp.Period), Layout: strings.Clone(fp.Layout)}
		_, id.Consolidated = x.sheet(sealSheet)
		id.Annotated, id.Unfilled = x.ownMarks()
	}
	id.Readable = true
	if hasFP {
		// As readTables decides: a fingerprint tally cannot place makes
		// the file unidentified, whatever its name.
		p, perr := reconcile.ParsePeriod(fp.Period)
		if _, known := s.Department(fp.Department); !known || perr != nil {
			id.Department, id.Period = "", reconcile.Period{}
			return id
		}
		id.Department, id.Period = fp.Department, p
		// As checkFingerprint's wrong_template: a name that says another
		// department-month than the template.
		id.NameConflict = nameConflicts(byName, fp.Department, p)
	}
	return id
}
