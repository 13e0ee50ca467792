package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// User is an account.
type User struct {
	ID       int64
	Name     string
	Role     string // Office or Dept
	Dept     string // the department's code, for Dept users
	Disabled bool
	Created  time.Time
}

// IsOffice says whether u is the finance office.
func (u *User) IsOffice() bool { return u.Role == Office }

// validName: letters, digits, '-', '_' and '.', 1–64 of them.
func validName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.", r)) {
			return false
		}
	}
	return true
}

func (s *Store) hashPassword(pw string) (string, error) {
	if utf8.RuneCountInString(pw) < 8 {
		return "", ErrWeakPassword
	}
	if len(pw) > 72 { // bcrypt's limit
		return "", ErrLongPassword
	}
	cost := s.Cost
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	return string(h), err
}

// AddUser creates an account. dept is the department's code for a Dept
// user and empty for the office.
func (s *Store) AddUser(actor *User, name, role, dept, password string) (*User, error) {
	if !validName(name) {
		return nil, fmt.Errorf("user name %q: %w", name, ErrBadName)
	}
	if role != Office && role != Dept {
		return nil, fmt.Errorf("role %q: want office or dept", role)
	}
	if role == Dept && dept == "" {
		return nil, fmt.Errorf("a department account needs its department")
	}
	if role == Office {
		dept = ""
	}
	h, err := s.hashPassword(password)
	if err != nil {
		return nil, err
	}
	u := &User{Name: name, Role: role, Dept: dept, Created: s.Now()}
	err = s.tx(func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM users WHERE name = ?`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("user %s: %w", name, ErrExists)
		}
		res, err := tx.Exec(`INSERT INTO users (name, role, dept, hash, created) VALUES (?, ?, ?, ?, ?)`,
			name, role, dept, h, u.Created.UnixMilli())
		if err != nil {
			return err
		}
		u.ID, _ = res.LastInsertId()
		return s.audit(tx, actor, "user.add", fmt.Sprintf("%s role=%s dept=%s", name, role, dept))
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// SetPassword resets a user's password, enables the account and ends its
// sessions.
func (s *Store) SetPassword(actor *User, name, password string) error {
	h, err := s.hashPassword(password)
	if err != nil {
		return err
	}
	return s.changeUser(actor, "user.reset", name, `UPDATE users SET hash = ?, disabled = 0 WHERE name = ?`, h, name)
}

// Disable disables an account and ends its sessions.
func (s *Store) Disable(actor *User, name string) error {
	return s.changeUser(actor, "user.disable", name, `UPDATE users SET disabled = 1 WHERE name = ?`, name)
}

// changeUser updates user name's row with update (args), ends its sessions
// and audits action, in one transaction; ErrNotFound when there is no such
// user.
func (s *Store) changeUser(actor *User, action, name, update string, args ...any) error {
	return s.tx(func(tx *sql.Tx) error {
		res, err := tx.Exec(update, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("user %s: %w", name, ErrNotFound)
		}
		if _, err := tx.Exec(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?)`, name); err != nil {
			return err
		}
		return s.audit(tx, actor, action, name)
	})
}

const userCols = `id, name, role, dept, disabled, created`

func scanUser(row interface{ Scan(...any) error }) (*User, error) {
	var u User
	var created int64
	if err := row.Scan(&u.ID, &u.Name, &u.Role, &u.Dept, &u.Disabled, &created); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	u.Created = time.UnixMilli(created)
	return &u, nil
}

// UserByName returns the account called name.
func (s *Store) UserByName(name string) (*User, error) {
	return scanUser(s.db.QueryRow(`SELECT `+userCols+` FROM users WHERE name = ?`, name))
}

// Users lists every account by name.
func (s *Store) Users() ([]*User, error) {
	rows, err := s.db.Query(`SELECT ` + userCols + ` FROM users ORDER BY role DESC, dept, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsers returns how many accounts there are.
func (s *Store) CountUsers() (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM users`).Scan(&n)
	return n, err
}

// dummyHash is compared against when the user does not exist, so a wrong
// name costs as much time as a wrong password. It is a constant, bcrypt of
// "not a password at all" at bcrypt.DefaultCost (TestDummyHashCost), not
// made at start-up: that cost every run of every tally command (check,
// reconcile…) a bcrypt hash, 0.1 s, and seconds under the race detector.
var dummyHash = []byte("$2a$10$1XYOEaP.rRxYhkZZlJwDT.ylkamFnHsnul2jHsByyyFS6P8Na4Y6e")

// Authenticate checks a name and password. Rate limiting is the caller's.
func (s *Store) Authenticate(name, password string) (*User, error) {
	var hash string
	u, err := scanUser(s.db.QueryRow(`SELECT `+userCols+` FROM users WHERE name = ?`, name))
	if err == nil {
		err = s.db.QueryRow(`SELECT hash FROM users WHERE id = ?`, u.ID).Scan(&hash)
	}
	if errors.Is(err, ErrNotFound) {
		bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
		return nil, ErrBadPassword
	}
	if err != nil {
		return nil, err
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil {
		return nil, ErrBadPassword
	}
	if u.Disabled {
		return nil, ErrDisabled
	}
	return u, nil
}

// SessionTTL is how long a login lasts.
const SessionTTL = 12 * time.Hour

// NewSession starts a session for u and returns its token (the cookie's
// value). Only the token's hash is stored.
func (s *Store) NewSession(u *User) (string, error) {
	token := randomID(32)
	err := s.tx(func(tx *sql.Tx) error {
		now := s.Now()
		if _, err := tx.Exec(`DELETE FROM sessions WHERE expires < ?`, now.UnixMilli()); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO sessions (token_hash, user_id, expires) VALUES (?, ?, ?)`,
			hashToken(token), u.ID, now.Add(SessionTTL).UnixMilli()); err != nil {
			return err
		}
		return s.audit(tx, u, "login", "")
	})
	return token, err
}

// Session returns the user of a live session token; a disabled account
// has none.
func (s *Store) Session(token string) (*User, error) {
	if token == "" {
		return nil, ErrNotFound
	}
	u, err := scanUser(s.db.QueryRow(`SELECT u.id, u.name, u.role, u.dept, u.disabled, u.created
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires > ? AND u.disabled = 0`, hashToken(token), s.Now().UnixMilli()))
	return u, err
}

// EndSession logs a session out.
func (s *Store) EndSession(u *User, token string) error {
	return s.tx(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM sessions WHERE token_hash = ?`, hashToken(token)); err != nil {
			return err
		}
		return s.audit(tx, u, "logout", "")
	})
}
