// Package store is tally serve's storage adapter: an embedded SQLite
// database (through the pure-Go modernc.org/sqlite driver, so the binary
// cross-compiles without cgo) for users, sessions, uploads, which upload
// counts for each department-month, and the audit log; and a folder of
// uploaded files kept unchanged under their SHA-256.
//
// It knows nothing of HTTP or of what a workbook holds. reconcile must not
// import it.
package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors callers tell apart.
var (
	ErrNotFound     = errors.New("not found")
	ErrTooLarge     = errors.New("file too large")
	ErrExists       = errors.New("already exists")
	ErrBadPassword  = errors.New("wrong user name or password")
	ErrDisabled     = errors.New("account disabled")
	ErrWeakPassword = errors.New("password shorter than 8 characters")
	ErrLongPassword = errors.New("password longer than 72 bytes")
	ErrBadName      = errors.New("use 1–64 letters, digits, '-', '_' or '.'")
	ErrNewerSchema  = errors.New("made by a newer tally; Try: a newer tally")
	ErrNotDatabase  = errors.New("tally.db is not a database (damaged, or another file under that name)")
)

// Roles.
const (
	Office = "office" // the finance office: sees everything, manages accounts
	Dept   = "dept"   // a department: its own files and periods only
)

// Store is the data folder: tally.db and the files.
type Store struct {
	dir string
	db  *sql.DB
	// write serialises write transactions: SQLite has one writer, and a
	// deferred transaction that reads then writes can fail with BUSY
	// instead of waiting.
	write sync.Mutex
	gen   atomic.Int64
	// Now is the clock (tests set it).
	Now func() time.Time
	// Cost is the bcrypt cost of the password hashes it makes; 0 is
	// bcrypt.DefaultCost, what tally serve uses. Tests that make many
	// accounts lower it: a hash at the default cost takes seconds under
	// the race detector (TestDefaultCost pins the default).
	Cost int
}

// Open opens (creating when needed) the data folder dir and brings its
// database to the current schema.
func Open(dir string) (*Store, error) {
	for _, sub := range []string{"", "files", "views", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o750); err != nil {
			return nil, fmt.Errorf("open data folder: %w", err)
		}
	}
	dsn := "file:" + filepath.ToSlash(filepath.Join(dir, "tally.db")) +
		"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	s := &Store{dir: dir, db: db, Now: time.Now}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// CleanTmp removes what a killed server left half-written in tmp: staged
// files that were never recorded. Only a starting server calls it (a
// backup or user command runs beside a live one).
func (s *Store) CleanTmp() {
	tmp := filepath.Join(s.dir, "tmp")
	if ents, err := os.ReadDir(tmp); err == nil {
		for _, e := range ents {
			os.RemoveAll(filepath.Join(tmp, e.Name()))
		}
	}
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

// DB is the database, for tests and backups.
func (s *Store) DB() *sql.DB { return s.db }

// migrations are applied in order; PRAGMA user_version counts those done.
// Never edit one that has shipped: append.
var migrations = []string{
	`CREATE TABLE users (
		id         INTEGER PRIMARY KEY,
		name       TEXT NOT NULL UNIQUE,
		role       TEXT NOT NULL CHECK (role IN ('office', 'dept')),
		dept       TEXT NOT NULL DEFAULT '',
		hash       TEXT NOT NULL,
		disabled   INTEGER NOT NULL DEFAULT 0,
		created    INTEGER NOT NULL
	);
	CREATE TABLE sessions (
		token_hash TEXT PRIMARY KEY,
		user_id    INTEGER NOT NULL REFERENCES users(id),
		expires    INTEGER NOT NULL
	);
	CREATE TABLE uploads (
		id        TEXT PRIMARY KEY,
		user_id   INTEGER NOT NULL REFERENCES users(id),
		dept      TEXT NOT NULL,
		period    TEXT NOT NULL,
		name      TEXT NOT NULL,
		size      INTEGER NOT NULL,
		sha256    TEXT NOT NULL,
		uploaded  INTEGER NOT NULL,
		status    TEXT NOT NULL,
		errors    INTEGER NOT NULL,
		warnings  INTEGER NOT NULL,
		findings  INTEGER NOT NULL,
		report    TEXT NOT NULL
	);
	CREATE INDEX uploads_by_dept ON uploads (dept, period, uploaded);
	CREATE TABLE counting (
		dept      TEXT NOT NULL,
		period    TEXT NOT NULL,
		upload_id TEXT NOT NULL REFERENCES uploads(id),
		picked_by INTEGER,
		PRIMARY KEY (dept, period)
	);
	CREATE TABLE audit (
		id      INTEGER PRIMARY KEY,
		at      INTEGER NOT NULL,
		user_id INTEGER,
		actor   TEXT NOT NULL,
		action  TEXT NOT NULL,
		detail  TEXT NOT NULL
	);`,
}

// SchemaVersion is the number of migrations this build knows.
var SchemaVersion = len(migrations)

func (s *Store) migrate() error {
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_NOTADB {
			return fmt.Errorf("open database: %w", ErrNotDatabase)
		}
		return fmt.Errorf("open database: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("open database: schema version %d is newer than this tally knows (%d): %w", v, len(migrations), ErrNewerSchema)
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate database to version %d: %w", i+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate database to version %d: %w", i+1, err)
		}
	}
	return nil
}

// Backup writes a consistent copy of the database to path (VACUUM INTO),
// while the server keeps serving. path must not exist.
func (s *Store) Backup(path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup %s: %w", path, ErrExists)
	}
	if _, err := s.db.Exec(`VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict ("ok").
func (s *Store) IntegrityCheck() (string, error) {
	var out []string
	rows, err := s.db.Query(`PRAGMA integrity_check`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n"), rows.Err()
}

// tx runs f in one write transaction.
func (s *Store) tx(f func(*sql.Tx) error) error {
	s.write.Lock()
	defer s.write.Unlock()
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (s *Store) audit(tx *sql.Tx, actor *User, action, detail string) error {
	var id any
	name := "system"
	if actor != nil {
		id, name = actor.ID, actor.Name
	}
	_, err := tx.Exec(`INSERT INTO audit (at, user_id, actor, action, detail) VALUES (?, ?, ?, ?, ?)`,
		s.Now().UnixMilli(), id, name, action, detail)
	return err
}

// Audit records an action that changes nothing else in the database (a
// download, a failed login).
func (s *Store) Audit(actor *User, action, detail string) error {
	return s.tx(func(tx *sql.Tx) error { return s.audit(tx, actor, action, detail) })
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	At     time.Time
	Actor  string
	Action string
	Detail string
}

// AuditLog returns the latest n entries, newest first.
func (s *Store) AuditLog(n int) ([]AuditEntry, error) {
	rows, err := s.db.Query(`SELECT at, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&at, &e.Actor, &e.Action, &e.Detail); err != nil {
			return nil, err
		}
		e.At = time.UnixMilli(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// randomID returns n random bytes as hex: unguessable ids and tokens.
func randomID(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b)
}

// RandomPassword returns a password to hand out once.
func RandomPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 14)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// copyLimited copies at most limit bytes and reports ErrTooLarge past them.
func copyLimited(w io.Writer, r io.Reader, limit int64) (int64, error) {
	n, err := io.Copy(w, io.LimitReader(r, limit+1))
	if err != nil {
		return n, err
	}
	if n > limit {
		return n, ErrTooLarge
	}
	return n, nil
}
