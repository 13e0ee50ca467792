package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// Upload is one file a department sent, as recorded.
type Upload struct {
	ID       string // 128 random bits, hex: unguessable
	UserID   int64
	User     string
	Dept     string
	Period   string
	Name     string // the file's name on the uploader's disk, shown only
	Size     int64
	SHA256   string
	Uploaded time.Time
	Status   string // ok, findings, unreadable, attachment
	Errors   int
	Warnings int
	Findings int
	Report   string // the check's findings as JSON, for the page
	Counts   bool   // the upload that counts for its department-month
	Picked   bool   // the office picked it (else it counts as the latest)
}

// Staged is an uploaded file written to the files folder under its
// SHA-256 and linked into its own view folder under the canonical name
// the readers recognise, but not yet recorded.
type Staged struct {
	ID     string
	SHA256 string
	Size   int64
	Path   string // views/<id>/<period>-<dept>.xlsx
	Dept   string
	Period string
}

// CanonicalName is the name a department-month's file is read under:
// <period>-<dept>.xlsx, the name tally's readers recognise.
func CanonicalName(dept, period string) string { return period + "-" + dept + ".xlsx" }

var hexID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// ValidID says whether id has the form of an upload id; anything else is
// refused before it comes near a path.
func ValidID(id string) bool { return hexID.MatchString(id) }

var safeCode = regexp.MustCompile(`^[0-9a-z]{1,32}$`)
var safePeriod = regexp.MustCompile(`^\d{4}(-\d{2})?$`)

func (s *Store) blobPath(sha string) string { return filepath.Join(s.dir, "files", sha[:2], sha) }

// BlobPath is where the file with this SHA-256 is kept.
func (s *Store) BlobPath(sha string) (string, error) {
	if len(sha) != 64 || !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(sha) {
		return "", ErrNotFound
	}
	return s.blobPath(sha), nil
}

// Stage copies r (at most limit bytes) into the files folder under its
// SHA-256, unchanged. Nothing is recorded: a staged file that is never
// recorded is only an unreferenced copy.
func (s *Store) Stage(r io.Reader, limit int64) (*Staged, error) {
	tmp, err := os.CreateTemp(filepath.Join(s.dir, "tmp"), "upload-*")
	if err != nil {
		return nil, fmt.Errorf("stage: %w", err)
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := copyLimited(io.MultiWriter(tmp, h), r, limit)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	st := &Staged{ID: randomID(16), SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}
	blob := s.blobPath(st.SHA256)
	if err := os.MkdirAll(filepath.Dir(blob), 0o750); err != nil {
		return nil, fmt.Errorf("stage: %w", err)
	}
	if _, err := os.Stat(blob); errors.Is(err, os.ErrNotExist) {
		// Same hash, same bytes: an existing copy is never replaced.
		if err := os.Rename(tmp.Name(), blob); err != nil {
			return nil, fmt.Errorf("stage: %w", err)
		}
		os.Chmod(blob, 0o440)
		syncDir(filepath.Dir(blob))
	}
	return st, nil
}

// Link makes a staged file readable as dept's file for period: a view
// folder of its own holding the file under its canonical name. dept and
// period must already be checked against the spec; they are checked again
// here to be safe in a path.
func (s *Store) Link(st *Staged, dept, period string) error {
	if !safeCode.MatchString(dept) || !safePeriod.MatchString(period) {
		return fmt.Errorf("link: bad department %q or period %q", dept, period)
	}
	view := filepath.Join(s.dir, "views", st.ID)
	if err := os.Mkdir(view, 0o750); err != nil {
		return fmt.Errorf("link: %w", err)
	}
	st.Dept, st.Period = dept, period
	st.Path = filepath.Join(view, CanonicalName(dept, period))
	blob := s.blobPath(st.SHA256)
	if err := os.Link(blob, st.Path); err != nil {
		// No hard links (some Windows shares): a copy reads the same.
		if err := copyFile(blob, st.Path); err != nil {
			return fmt.Errorf("link: %w", err)
		}
	}
	syncDir(view)
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o440)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// ViewPath is where upload u is read from: its canonical name in its own
// view folder. u comes from the database, never from a request.
func (s *Store) ViewPath(u *Upload) string {
	return filepath.Join(s.dir, "views", u.ID, CanonicalName(u.Dept, u.Period))
}

// View returns where upload u is read from, making its view again from
// the kept file when it is gone (a data folder restored from files/ and a
// backup of the database).
func (s *Store) View(u *Upload) (string, error) {
	path := s.ViewPath(u)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if !ValidID(u.ID) || !safeCode.MatchString(u.Dept) || !safePeriod.MatchString(u.Period) {
		return "", fmt.Errorf("view of upload %q: %w", u.ID, ErrNotFound)
	}
	blob, err := s.BlobPath(u.SHA256)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return "", err
	}
	tmp := path + ".tmp-" + randomID(4)
	if err := os.Link(blob, tmp); err != nil {
		if err := copyFile(blob, tmp); err != nil {
			return "", fmt.Errorf("view of upload %s: %w", u.ID, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return path, nil
}

// CheckResult is what the check found in a staged file.
type CheckResult struct {
	Status                     string
	Errors, Warnings, Findings int
	Report                     string
}

// Record records a staged upload, with its check result, as the one that
// counts for its department-month, in one transaction: after a crash it is
// either all there or not at all.
func (s *Store) Record(actor *User, st *Staged, name string, res CheckResult) (*Upload, error) {
	u := &Upload{ID: st.ID, UserID: actor.ID, User: actor.Name, Dept: st.Dept, Period: st.Period, Name: name,
		Size: st.Size, SHA256: st.SHA256, Uploaded: s.Now(), Status: res.Status, Errors: res.Errors,
		Warnings: res.Warnings, Findings: res.Findings, Report: res.Report, Counts: true}
	err := s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO uploads (id, user_id, dept, period, name, size, sha256, uploaded, status, errors, warnings, findings, report)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, u.ID, u.UserID, u.Dept, u.Period, u.Name, u.Size, u.SHA256,
			u.Uploaded.UnixMilli(), u.Status, u.Errors, u.Warnings, u.Findings, u.Report); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO counting (dept, period, upload_id, picked_by) VALUES (?, ?, ?, NULL)
			ON CONFLICT (dept, period) DO UPDATE SET upload_id = excluded.upload_id, picked_by = NULL`,
			u.Dept, u.Period, u.ID); err != nil {
			return err
		}
		return s.audit(tx, actor, "upload", fmt.Sprintf("%s %s %s sha256=%s size=%d status=%s errors=%d warnings=%d",
			u.ID, u.Dept, u.Period, u.SHA256, u.Size, u.Status, u.Errors, u.Warnings))
	})
	if err != nil {
		return nil, err
	}
	s.gen.Add(1)
	return u, nil
}

// Attachment is the status of a file kept beside a department-month's
// return that is no workbook (a stamped scan, 盖章扫描件): listed and
// downloadable, never the version that counts.
const Attachment = "attachment"

// RecordAttachment records a staged file as an attachment of its
// department-month: kept and listed, but the version that counts (if any)
// stays as it is.
func (s *Store) RecordAttachment(actor *User, st *Staged, name string) (*Upload, error) {
	u := &Upload{ID: st.ID, UserID: actor.ID, User: actor.Name, Dept: st.Dept, Period: st.Period, Name: name,
		Size: st.Size, SHA256: st.SHA256, Uploaded: s.Now(), Status: Attachment, Report: "[]"}
	err := s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO uploads (id, user_id, dept, period, name, size, sha256, uploaded, status, errors, warnings, findings, report)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)`, u.ID, u.UserID, u.Dept, u.Period, u.Name, u.Size, u.SHA256,
			u.Uploaded.UnixMilli(), u.Status, u.Report); err != nil {
			return err
		}
		return s.audit(tx, actor, "upload.attachment", fmt.Sprintf("%s %s %s sha256=%s size=%d",
			u.ID, u.Dept, u.Period, u.SHA256, u.Size))
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// ErrAttachment: an attachment cannot be picked to count.
var ErrAttachment = errors.New("an attachment cannot count")

// Pick makes upload id the one that counts for its department-month,
// until the department uploads again.
func (s *Store) Pick(actor *User, id string) error {
	err := s.tx(func(tx *sql.Tx) error {
		var dept, period, status string
		if err := tx.QueryRow(`SELECT dept, period, status FROM uploads WHERE id = ?`, id).Scan(&dept, &period, &status); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if status == Attachment {
			return ErrAttachment
		}
		if _, err := tx.Exec(`UPDATE counting SET upload_id = ?, picked_by = ? WHERE dept = ? AND period = ?`,
			id, actor.ID, dept, period); err != nil {
			return err
		}
		return s.audit(tx, actor, "upload.pick", fmt.Sprintf("%s %s %s", id, dept, period))
	})
	if err == nil {
		s.gen.Add(1)
	}
	return err
}

// Generation changes whenever what counts may have changed; callers key
// caches on it.
func (s *Store) Generation() int64 { return s.gen.Load() }

const uploadCols = `u.id, u.user_id, coalesce(us.name, ''), u.dept, u.period, u.name, u.size, u.sha256, u.uploaded,
	u.status, u.errors, u.warnings, u.findings, u.report, c.upload_id IS NOT NULL, coalesce(c.picked_by IS NOT NULL, 0)`

const uploadFrom = ` FROM uploads u LEFT JOIN users us ON us.id = u.user_id
	LEFT JOIN counting c ON c.upload_id = u.id `

func scanUploads(rows *sql.Rows, err error) ([]*Upload, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Upload
	for rows.Next() {
		var u Upload
		var at int64
		if err := rows.Scan(&u.ID, &u.UserID, &u.User, &u.Dept, &u.Period, &u.Name, &u.Size, &u.SHA256, &at,
			&u.Status, &u.Errors, &u.Warnings, &u.Findings, &u.Report, &u.Counts, &u.Picked); err != nil {
			return nil, err
		}
		u.Uploaded = time.UnixMilli(at)
		out = append(out, &u)
	}
	return out, rows.Err()
}

// Upload returns the upload with this id.
func (s *Store) Upload(id string) (*Upload, error) {
	if !ValidID(id) {
		return nil, ErrNotFound
	}
	us, err := scanUploads(s.db.Query(`SELECT `+uploadCols+uploadFrom+`WHERE u.id = ?`, id))
	if err != nil {
		return nil, err
	}
	if len(us) == 0 {
		return nil, ErrNotFound
	}
	return us[0], nil
}

// UploadsOf returns a department's uploads, newest first.
func (s *Store) UploadsOf(dept string) ([]*Upload, error) {
	return scanUploads(s.db.Query(`SELECT `+uploadCols+uploadFrom+`WHERE u.dept = ? ORDER BY u.uploaded DESC, u.rowid DESC`, dept))
}

// AllUploads returns every upload, oldest first.
func (s *Store) AllUploads() ([]*Upload, error) {
	return scanUploads(s.db.Query(`SELECT ` + uploadCols + uploadFrom + `ORDER BY u.uploaded, u.rowid`))
}

// Counting returns the upload that counts for each department-month, by
// department and period.
func (s *Store) Counting() ([]*Upload, error) {
	return scanUploads(s.db.Query(`SELECT ` + uploadCols + uploadFrom + `WHERE c.upload_id IS NOT NULL ORDER BY u.period, u.dept`))
}
