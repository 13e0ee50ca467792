package workbook

import (
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Dates are not figures. Excel, Calc and openpyxl store a date as a plain
// number (t="n", 44255 for 2021-02-28 in the 1900 date system) whose cell style has a date or time
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
	return firstSectionHas(code, func(c byte) bool {
		switch c | 0x20 {
		case 'y', 'm', 'd', 'h', 's':
			return true
		}
		return false
	})
}

// firstSectionHas reports whether a number format code's first section
// (the one positive numbers show in) has a character for which hit is
// true (see eachFirstSection).
func firstSectionHas(code string, hit func(byte) bool) bool {
	found := false
	eachFirstSection(code, func(c byte) bool {
		found = hit(c)
		return !found
	})
	return found
}

// eachFirstSection calls visit with each character of a number format
// code's first section, outside quoted text, escaped, padding and fill
// characters and [brackets] (colours, conditions, locales), until visit
// returns false.
func eachFirstSection(code string, visit func(byte) bool) {
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
			return
		case !visit(c):
			return
		}
	}
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
	custom := map[int]bool{}   // numFmtId → a date
	percent := map[int]bool{}  // numFmtId → a percentage
	hides := map[int]uint8{}   // numFmtId → what it shows as nothing
	scaled := map[int]string{} // numFmtId → its code, when it shows another magnitude
	literal := map[int]*literalFormat{}
	places := map[int]int8{9: 0, 10: 2} // numFmtId → a percentage's decimal places
	// Fonts' and fills' colours, in order, for a figure in white on white.
	var fontColor, fillColor []string
	inFonts, inFills, inFont := false, false, false
	curFill, curPattern := "", ""
	inXfs := false
	inDxfs, inDxf, inDxfFont := false, false, false
	dxfFont, dxfFill := "", ""
	x.dateStyles, x.percentStyles, x.hideStyles, x.scaledStyles, x.invisibleStyles = nil, nil, nil, nil, nil
	x.literalStyles, x.percentPlaces, x.tintedStyles, x.dxfs = nil, nil, nil, nil
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
					percent[n] = isPercentFormat(code)
					if percent[n] {
						places[n] = percentPlaces(code)
					}
					if l := literalOf(code); l != nil {
						literal[n] = l
					}
					hides[n] = hiddenBy(code)
					if isScaledFormat(code) {
						scaled[n] = code
					}
				}
			case "fonts":
				inFonts = true
			case "font":
				inDxfFont = inDxf
				if inFonts && len(fontColor) < maxStyleColors {
					inFont = true
					fontColor = append(fontColor, "")
				}
			case "color":
				switch {
				case inDxfFont:
					dxfFont = colorOf(d) // not a border's colour
				case inFont:
					fontColor[len(fontColor)-1] = colorOf(d)
				}
			case "dxfs":
				inDxfs = true
			case "dxf":
				if inDxfs {
					inDxf, dxfFont, dxfFill = true, "", ""
				}
			case "bgColor":
				if inDxf {
					dxfFill = colorOf(d) // a dxf's solid fill is its bgColor
				}
			case "fills":
				inFills = true
			case "fill":
				curFill, curPattern = "", ""
			case "patternFill":
				curPattern, _ = d.attr("patternType")
			case "fgColor":
				if inDxf && dxfFill == "" {
					dxfFill = colorOf(d)
				}
				if inFills {
					curFill = colorOf(d)
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if !inXfs {
					continue
				}
				id, _ := d.attr("numFmtId")
				n, _ := strconv.Atoi(id)
				fo, _ := d.attr("fontId")
				fi, _ := d.attr("fillId")
				x.invisibleStyles = append(x.invisibleStyles, invisible(fontColor, fillColor, fo, fi))
				x.tintedStyles = append(x.tintedStyles, tinted(fillColor, fi))
				date, ok := custom[n]
				pct := percent[n]
				if !ok {
					date, pct = builtinDate[n], n == 9 || n == 10 // 0% and 0.00%
				}
				x.dateStyles = append(x.dateStyles, date)
				x.percentStyles = append(x.percentStyles, pct)
				x.hideStyles = append(x.hideStyles, hides[n])
				x.scaledStyles = append(x.scaledStyles, scaled[n])
				x.literalStyles = append(x.literalStyles, literal[n])
				x.percentPlaces = append(x.percentPlaces, places[n])
			}
		case tokEnd:
			switch string(d.name) {
			case "cellXfs":
				inXfs = false
			case "dxfs":
				inDxfs = false
			case "dxf":
				if inDxf && len(x.dxfs) < maxStyleColors {
					x.dxfs = append(x.dxfs, dxfEffect(dxfFont, dxfFill))
				}
				inDxf = false
			case "fonts":
				inFonts = false
			case "font":
				inFont, inDxfFont = false, false
			case "fills":
				inFills = false
			case "fill":
				if inFills && len(fillColor) < maxStyleColors {
					if curPattern != "solid" {
						curFill = "" // no fill: the sheet's white
					}
					fillColor = append(fillColor, curFill)
				}
			}
		}
	}
}

// isDate reports whether cell style s (the c element's s attribute) shows
// a date or time.
func (x *xlsx) isDate(s int) bool { return s >= 0 && s < len(x.dateStyles) && x.dateStyles[s] }

// isPercent reports whether cell style s shows a number as a percentage.
func (x *xlsx) isPercent(s int) bool {
	return s >= 0 && s < len(x.percentStyles) && x.percentStyles[s]
}

// isPercentFormat reports whether a custom number format code shows a
// percentage: a % outside quoted text, escaped characters and [brackets],
// in the first section (the one positive numbers show in).
func isPercentFormat(code string) bool {
	return firstSectionHas(code, func(c byte) bool { return c == '%' })
}

// workbookPr is workbook.xml's workbook properties: the date system.
type workbookPr struct {
	Date1904 string `xml:"date1904,attr"`
}

// is1904 reports whether the workbook counts dates from 1904-01-01 (day 0),
// as Excel for the Mac did by default until 2011 and as any workbook may
// still choose: the same day number is then a date 1462 days later.
func (p workbookPr) is1904() bool {
	v, err := strconv.ParseBool(p.Date1904)
	return err == nil && v
}

// days1904 is the number of days from the 1900 system's day 0 to the 1904
// system's: 1904-01-01 is day 1462 there.
var days1904 = decimal.NewFromInt(1462)

// dateText shows a stored day number as the date it stands for in the
// workbook's date system (serialDate for the 1900 one).
func dateText(v string, mac1904 bool) string {
	d, err := decimal.NewFromString(v)
	if !mac1904 || err != nil || d.IsNegative() || d.LessThan(decimal.NewFromInt(1)) {
		return serialDate(v) // not a number, or a time of day only: the same in both
	}
	return serialDate(d.Add(days1904).String())
}

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

const (
	hidePositive uint8 = 1 << iota
	hideNegative
	hideByColor // the font is the colour of the background (styles.go)
)

// formatSections splits a number format at its ; (positive; negative;
// zero; text), a ; inside quotes or after a backslash not counting: one
// section when there is no ;.
func formatSections(code string) []string {
	var sections []string
	inQuote, start := false, 0
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case inQuote:
			inQuote = c != '"'
		case c == '"':
			inQuote = true
		case c == '\\':
			i++
		case c == ';':
			sections = append(sections, code[start:i])
			start = i + 1
		}
	}
	return append(sections, code[start:])
}

// hiddenBy says which numbers a custom number format shows as nothing: a
// format's sections are positive;negative;zero;text, and one that holds
// nothing but colours and conditions ([Red], [>0]) or empty quotes
// (;;; is the usual way to hide a cell's content) shows no figure. A
// format without a ; shows every number (a bare [White] is not judged:
// colour on a fill is the reader's concern). An empty zero section —
// accountants' 0;-0;;@, hiding zeros — hides nothing that counts.
func hiddenBy(code string) uint8 {
	sections := formatSections(code)
	if len(sections) == 1 {
		return 0
	}
	var h uint8
	if showsNothing(sections[0]) {
		h |= hidePositive
	}
	if showsNothing(sections[1]) {
		h |= hideNegative
	}
	return h
}

// showsNothing reports whether a format section prints no character:
// only [brackets] and empty quotes.
func showsNothing(s string) bool {
	inBracket := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case inBracket:
			inBracket = c != ']'
		case c == '[':
			inBracket = true
		case c == '"' && i+1 < len(s) && s[i+1] == '"':
			i++
		case c == ' ':
		default:
			return false
		}
	}
	return true
}

// isScaledFormat reports whether a custom number format shows a number at
// another magnitude than it is stored: a comma after the last digit
// placeholder divides by 1,000 (#,##0.00, shows 千元 of a figure kept in
// 元; two, by a million), and a literal point between digit placeholders
// (0!.0000, 0\.0000, 0"."0000 — the usual way to show 元 as 万元: 12345678
// shown as 1234.5678, or with 0!.0, as 1234.6) is no decimal point. The
// sheet then shows a figure 1,000 or 10,000 times smaller than the one
// stored, and summed. Only the first section (positive numbers) is read.
func isScaledFormat(code string) bool {
	digitSeen := false    // a digit placeholder so far
	pendingComma := false // a comma after a digit placeholder, none since
	literalDot := false   // a literal point after a digit placeholder
	inBracket := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inBracket:
			inBracket = c != ']'
		case c == '[':
			inBracket = true
		case c == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			if digitSeen && strings.Contains(code[i+1:i+1+j], ".") {
				literalDot = true
			}
			i += j + 1
		case c == '\\' || c == '!':
			if i+1 < len(code) && code[i+1] == '.' && digitSeen {
				literalDot = true
			}
			i++
		case c == '_' || c == '*':
			i++
		case c == ';':
			return pendingComma
		case c == '0' || c == '#' || c == '?':
			if literalDot {
				return true // a literal point between digit placeholders
			}
			digitSeen, pendingComma = true, false
		case c == ',':
			pendingComma = digitSeen
		case c == 'E' || c == 'e':
			return false // scientific: shows the magnitude
		}
	}
	return pendingComma
}

// maxStyleColors bounds the fonts and fills whose colours are kept.
const maxStyleColors = 100_000

// colorOf reads a <color>/<fgColor>: "rgb:RRGGBB" (alpha dropped),
// "theme:N" (with a tint, "theme:N:T"), "" for automatic or indexed.
func colorOf(d *xmlTokens) string {
	if v, ok := d.attr("rgb"); ok {
		v = strings.ToUpper(v)
		if len(v) == 8 {
			v = v[2:]
		}
		return "rgb:" + v
	}
	if v, ok := d.attr("theme"); ok {
		if t, ok := d.attr("tint"); ok {
			return "theme:" + v + ":" + t
		}
		return "theme:" + v
	}
	return ""
}

// white reports whether a colour is white: FFFFFF, or the theme's first
// colour (Excel's "White, Background 1", theme 0) barely tinted.
func white(c string) bool {
	switch {
	case c == "rgb:FFFFFF" || c == "theme:0":
		return true
	case strings.HasPrefix(c, "theme:0:"):
		t, err := strconv.ParseFloat(strings.TrimPrefix(c, "theme:0:"), 64)
		return err == nil && t > -0.1
	}
	return false
}

// invisible reports whether a cell format's font is the colour of its
// background: white on no fill (the sheet's white) or on a white fill, or
// the very colour of a solid fill. A figure so set is on no one's screen
// or paper.
func invisible(fontColor, fillColor []string, fontID, fillID string) bool {
	fo, err1 := strconv.Atoi(fontID)
	fi, err2 := strconv.Atoi(fillID)
	if err1 != nil || fo < 0 || fo >= len(fontColor) {
		return false
	}
	font, fill := fontColor[fo], ""
	if err2 == nil && fi >= 0 && fi < len(fillColor) {
		fill = fillColor[fi]
	}
	if font == "" {
		return false // automatic: black, or what contrasts
	}
	if fill == "" {
		return white(font)
	}
	return font == fill || white(font) && white(fill)
}

// percentPlaces is how many decimal places a percentage format shows: the
// digit placeholders after its point, in the first section.
func percentPlaces(code string) int8 {
	n, point := int8(0), false
	eachFirstSection(code, func(c byte) bool {
		switch {
		case c == '.':
			point = true
		case point && (c == '0' || c == '#' || c == '?'):
			n++
		}
		return n < 30
	})
	return n
}

// literalFormat is a number format that shows no digit of a number, only
// text of its own: "110.23" shows 110.23 whatever the cell stores.
type literalFormat struct {
	code  string
	shown [2]string // what a positive number and a negative one show; "" where digits show
}

// literalOf reads a custom number format whose positive or negative
// section prints text but no digit of the number: no digit placeholder
// (0 # ?), no General, no @, no exponent, outside quotes, escapes and
// [brackets]. A section that prints nothing is hiddenBy's; a date format
// is a date's; a format with conditions ([<1000]) is not judged here.
func literalOf(code string) *literalFormat {
	if isDateFormat(code) || strings.Contains(code, "[<") || strings.Contains(code, "[>") || strings.Contains(code, "[=") {
		return nil
	}
	sections := formatSections(code)
	var l literalFormat
	for k := 0; k < 2 && k < len(sections); k++ {
		if showsNothing(sections[k]) {
			continue
		}
		if text, ok := onlyText(sections[k]); ok {
			l.shown[k] = text
		}
	}
	if l.shown == [2]string{} {
		return nil
	}
	l.code = code
	return &l
}

// onlyText returns the text a format section prints when it holds no
// digit placeholder, General or @; ok is false when it shows the number.
func onlyText(s string) (string, bool) {
	// General, and its localised names: G/通用格式 (Chinese Excel),
	// G/標準 (Japanese).
	if strings.Contains(strings.ToLower(s), "general") || strings.Contains(s, "G/") {
		return "", false
	}
	var b strings.Builder
	inBracket := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case inBracket:
			inBracket = c != ']'
		case c == '[':
			inBracket = true
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return "", false
			}
			b.WriteString(s[i+1 : i+1+j])
			i += j + 1
		case c == '\\':
			if i+1 < len(s) {
				b.WriteByte(s[i+1])
			}
			i++
		case c == '_':
			b.WriteByte(' ')
			i++
		case c == '*':
			i++
		case c == '0' || c == '#' || c == '?' || c == '@' || c == 'E' || c == 'e':
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// tinted reports whether a cell format fills the cell with a colour other
// than white.
func tinted(fillColor []string, fillID string) bool {
	fi, err := strconv.Atoi(fillID)
	return err == nil && fi >= 0 && fi < len(fillColor) && fillColor[fi] != "" && !white(fillColor[fi])
}

// dxfEffect says what a conditional format's style does to a figure: a
// font of its own fill's colour hides it; a white font without a fill
// hides it on an unfilled (white) cell.
func dxfEffect(font, fill string) uint8 {
	switch {
	case font == "":
		return dxfShows
	case fill != "" && (font == fill || white(font) && white(fill)):
		return dxfHides
	case fill == "" && white(font):
		return dxfWhiteFont
	}
	return dxfShows
}
