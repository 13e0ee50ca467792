package workbook

import (
	"io"
	"strconv"
	"strings"
)

// Dates are not figures. Excel, Calc and openpyxl store a date as a plain
// number (t="n", 44255 for 2021-02-27) whose cell style has a date or time
// number format; only styles.xml tells it from a figure. These are the
// built-in formats that show a date or time: 14–22 and 45–47 everywhere,
// 27–36 and 50–58 in the East Asian locales (年月日 formats of a Chinese
// Excel).
var builtinDate = func() map[int]bool {
	m := map[int]bool{}
	for _, r := range [][2]int{{14, 22}, {27, 36}, {45, 47}, {50, 58}} {
		for i := r[0]; i <= r[1]; i++ {
			m[i] = true
		}
	}
	return m
}()

// isDateFormat reports whether a custom number format code shows a date or
// a time: y, m, d, h or s outside quoted text, escaped characters and
// [brackets] (colours, conditions, locales).
func isDateFormat(code string) bool {
	// Only the first section (positive numbers) decides: a number format
	// never mixes dates into another section.
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case inBracket:
			inBracket = c != ']'
		case c == '"':
			inQuote = true
		case c == '[':
			inBracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // an escaped, padding or fill character
		case c == ';':
			return false
		default:
			switch c | 0x20 {
			case 'y', 'm', 'd', 'h', 's':
				return true
			}
		}
	}
	return false
}

// readStyles reads which cell styles (cellXfs, by index) show a date. A
// missing or unreadable styles part only means no cell is known to be a
// date: the figures are read as before.
func (x *xlsx) readStyles(part string) {
	if _, ok := x.parts[part]; !ok {
		return
	}
	rc, err := x.open(part)
	if err != nil {
		return
	}
	defer rc.Close()
	d := newXMLTokens(rc)
	custom := map[int]bool{} // numFmtId → a date
	inXfs := false
	x.dateStyles = nil
	for {
		kind, err := d.next()
		if err == io.EOF || err != nil {
			return
		}
		switch kind {
		case tokStart:
			switch string(d.name) {
			case "numFmt":
				id, _ := d.attr("numFmtId")
				code, _ := d.attr("formatCode")
				if n, err := strconv.Atoi(id); err == nil {
					custom[n] = isDateFormat(code)
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if !inXfs {
					continue
				}
				id, _ := d.attr("numFmtId")
				n, _ := strconv.Atoi(id)
				date, ok := custom[n]
				if !ok {
					date = builtinDate[n]
				}
				x.dateStyles = append(x.dateStyles, date)
			}
		case tokEnd:
			if string(d.name) == "cellXfs" {
				inXfs = false
			}
		}
	}
}

// isDate reports whether cell style s (the c element's s attribute) shows
// a date or time.
func (x *xlsx) isDate(s int) bool { return s >= 0 && s < len(x.dateStyles) && x.dateStyles[s] }

// stylesPart is the styles part a workbook's relationships name, else the
// usual place.
func stylesPart(rels relationships) string {
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/styles") {
			if strings.HasPrefix(r.Target, "/") {
				return strings.TrimPrefix(r.Target, "/")
			}
			return "xl/" + strings.TrimPrefix(r.Target, "./")
		}
	}
	return "xl/styles.xml"
}
