package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// cols measures text in terminal columns: a Chinese character takes two.
// Ambiguous-width characters (“ ” …) count as one whatever the locale, so
// output is the same on every machine.
var cols = &runewidth.Condition{EastAsianWidth: false}

// width returns the number of terminal columns s takes.
func width(s string) int { return cols.StringWidth(s) }

// pad returns s followed by spaces to fill n columns (s itself when wider).
func pad(s string, n int) string {
	if w := width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// widest returns the widest of ss in columns.
func widest(ss []string) int {
	n := 0
	for _, s := range ss {
		n = max(n, width(s))
	}
	return n
}

// printTable writes rows as columns aligned by display width, two spaces
// apart, with no trailing spaces.
func printTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(pad(c, widths[i]) + "  ")
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// oneLine makes a text from a file (a cell's text, a file's name) one
// line of the terminal list: a line break typed in a cell (Alt+Enter) is
// shown as ↵, a tab as a space, any other control character as �. Each
// finding stays on its line, and nothing a file holds moves the cursor or
// starts a line that looks like a finding of its own.
func oneLine(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r':
			return '↵'
		case r == '\t':
			return ' '
		case isControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }
