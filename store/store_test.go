package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// open opens a store in a fresh folder whose password hashes are at
// bcrypt's least cost (the default's: TestDefaultCost).
func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s.Cost = bcrypt.MinCost
	t.Cleanup(func() { s.Close() })
	return s
}

func TestUsersAndSessions(t *testing.T) {
	s := open(t)
	u, err := s.AddUser(nil, "czs", Dept, "czs", "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddUser(nil, "czs", Dept, "czs", "correct horse"); !errors.Is(err, ErrExists) {
		t.Fatalf("second czs: %v, want ErrExists", err)
	}
	if _, err := s.AddUser(nil, "../x", Dept, "czs", "correct horse"); err == nil {
		t.Fatal("a name with a slash was accepted")
	}
	if _, err := s.AddUser(nil, "short", Dept, "czs", "1234"); !errors.Is(err, ErrWeakPassword) {
		t.Fatalf("short password: %v", err)
	}
	if _, err := s.Authenticate("czs", "wrong password"); !errors.Is(err, ErrBadPassword) {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := s.Authenticate("nobody", "correct horse"); !errors.Is(err, ErrBadPassword) {
		t.Fatalf("unknown user: %v", err)
	}
	got, err := s.Authenticate("czs", "correct horse")
	if err != nil || got.ID != u.ID || got.Dept != "czs" {
		t.Fatalf("login: %v %+v", err, got)
	}
	tok, err := s.NewSession(got)
	if err != nil {
		t.Fatal(err)
	}
	if su, err := s.Session(tok); err != nil || su.ID != u.ID {
		t.Fatalf("session: %v", err)
	}
	if err := s.Disable(nil, "czs"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(tok); !errors.Is(err, ErrNotFound) {
		t.Fatalf("session of a disabled account: %v", err)
	}
	if _, err := s.Authenticate("czs", "correct horse"); !errors.Is(err, ErrDisabled) {
		t.Fatalf("disabled login: %v", err)
	}
	if err := s.SetPassword(nil, "czs", "another horse"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate("czs", "another horse"); err != nil {
		t.Fatalf("after reset: %v", err)
	}
	log, _ := s.AuditLog(10)
	if len(log) != 4 || log[0].Action != "user.reset" {
		t.Fatalf("audit log: %+v", log)
	}
}

func TestUploadsCountLatestUnlessPicked(t *testing.T) {
	s := open(t)
	u, _ := s.AddUser(nil, "czs", Dept, "czs", "correct horse")
	var ids []string
	for _, body := range []string{"first", "second", "first"} {
		st, err := s.Stage(strings.NewReader(body), 100)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Link(st, "czs", "2020-03"); err != nil {
			t.Fatal(err)
		}
		up, err := s.Record(u, st, "my file.xlsx", CheckResult{Status: "ok", Report: "[]"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, up.ID)
		data, err := os.ReadFile(s.ViewPath(up))
		if err != nil || string(data) != body {
			t.Fatalf("view of %s: %q %v", up.ID, data, err)
		}
	}
	// A folder restored without views/: the views come back from files/.
	os.RemoveAll(filepath.Join(s.Dir(), "views"))
	up, _ := s.Upload(ids[0])
	if path, err := s.View(up); err != nil || path != s.ViewPath(up) {
		t.Fatalf("view rebuilt: %q %v", path, err)
	}
	if data, _ := os.ReadFile(s.ViewPath(up)); string(data) != "first" {
		t.Fatalf("rebuilt view holds %q", data)
	}
	blobs, _ := filepath.Glob(filepath.Join(s.Dir(), "files", "*", "*"))
	if len(blobs) != 2 {
		t.Fatalf("%d stored files for 2 distinct contents", len(blobs))
	}
	c, _ := s.Counting()
	if len(c) != 1 || c[0].ID != ids[2] {
		t.Fatalf("counting %+v, want the latest %s", c, ids[2])
	}
	if err := s.Pick(u, ids[1]); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Counting()
	if len(c) != 1 || c[0].ID != ids[1] || !c[0].Picked {
		t.Fatalf("counting after pick %+v", c)
	}
	if _, err := s.Stage(bytes.NewReader(make([]byte, 101)), 100); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("too large: %v", err)
	}
	st, _ := s.Stage(strings.NewReader("x"), 100)
	if err := s.Link(st, "../czs", "2020-03"); err == nil {
		t.Fatal("a department code with a path was linked")
	}
	if _, err := s.Upload("../../etc/passwd"); !errors.Is(err, ErrNotFound) {
		t.Fatal("a path as an id")
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	b, err := sql.Open("sqlite", backup)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.QueryRow(`SELECT count(*) FROM uploads`).Scan(&n); err != nil || n != 3 {
		t.Fatalf("backup holds %d uploads (%v), want 3", n, err)
	}
	b.Close()
	if ok, err := s.IntegrityCheck(); ok != "ok" || err != nil {
		t.Fatalf("integrity: %q %v", ok, err)
	}
}

func TestMigrationsAndSessionExpiry(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	s.DB().QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != SchemaVersion {
		t.Fatalf("schema version %d, want %d", v, SchemaVersion)
	}
	now := time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	u, _ := s.AddUser(nil, "czs", Dept, "czs", "correct horse")
	tok, _ := s.NewSession(u)
	now = now.Add(SessionTTL - time.Minute)
	if _, err := s.Session(tok); err != nil {
		t.Fatalf("session before it ends: %v", err)
	}
	now = now.Add(2 * time.Minute)
	if _, err := s.Session(tok); !errors.Is(err, ErrNotFound) {
		t.Fatalf("session after %v: %v", SessionTTL, err)
	}
	s.Close()
	// Opening again migrates nothing and keeps the data.
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountUsers(); n != 1 {
		t.Fatalf("%d users after reopening", n)
	}
	// A database from a newer tally is refused, not changed.
	s.DB().Exec(`PRAGMA user_version = 99`)
	s.Close()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("a newer schema: %v", err)
	}
}

// The hash a name that does not exist is checked against costs what a
// user's does, and is a hash: an unknown name takes as long as a wrong
// password.
func TestDummyHashCost(t *testing.T) {
	if c, err := bcrypt.Cost(dummyHash); err != nil || c != bcrypt.DefaultCost {
		t.Fatalf("dummyHash cost %d (%v), want bcrypt.DefaultCost %d", c, err, bcrypt.DefaultCost)
	}
	if err := bcrypt.CompareHashAndPassword(dummyHash, []byte("not a password at all")); err != nil {
		t.Fatalf("dummyHash: %v", err)
	}
}

// A store as tally serve opens it hashes passwords, new and reset, at
// bcrypt.DefaultCost.
func TestDefaultCost(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.AddUser(nil, "czs", Dept, "czs", "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	for i, set := range []func() error{
		func() error { return nil },
		func() error { return s.SetPassword(nil, "czs", "battery staple") },
	} {
		if err := set(); err != nil {
			t.Fatal(err)
		}
		var hash string
		if err := s.db.QueryRow(`SELECT hash FROM users WHERE id = ?`, u.ID).Scan(&hash); err != nil {
			t.Fatal(err)
		}
		if c, err := bcrypt.Cost([]byte(hash)); err != nil || c != bcrypt.DefaultCost {
			t.Errorf("hash %d: cost %d (%v), want bcrypt.DefaultCost %d", i, c, err, bcrypt.DefaultCost)
		}
	}
}
