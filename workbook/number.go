package workbook

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
	"golang.org/x/text/width"
)

// ExcelDigits is how many significant digits Excel shows of a stored number;
// anything past them is binary noise (0.1+0.2 is stored 0.30000000000000004).
const ExcelDigits = 15

// RoundSignificant rounds d to n significant digits.
func RoundSignificant(d decimal.Decimal, n int32) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	if d.NumDigits() <= int(n) {
		return d // nothing to round: the common case, and no division
	}
	// The position of the leading digit: d = c·10^e with NumDigits(c) digits.
	lead := int32(d.NumDigits()) + d.Exponent()
	return d.Round(n - lead)
}

// nothing lists what people type for "no figure": an empty cell, not zero.
var nothing = map[string]bool{"-": true, "--": true, "—": true, "——": true, "–": true, "/": true, "无": true, "空": true}

var (
	grouped = regexp.MustCompile(`^\d{1,3}(,\d{3})+(\.\d+)?$`)
	// decimalComma is a figure whose comma is its decimal point: after
	// digits grouped by spaces, dots or apostrophes (1 234,50; 1.234,50),
	// or after plain digits when one or two digits follow (1234,5; 12,34),
	// which a thousands comma never has.
	decimalComma = regexp.MustCompile(`^(\d{1,3}([ .'\x{a0}\x{2009}\x{202f}]\d{3})+,\d+|\d+,\d{1,2})$`)
	plain        = regexp.MustCompile(`^(\d+(\.\d*)?|\.\d+)$`)
)

// spaces are trimmed from both ends; inside a figure they make it ambiguous.
// The zero-width ones (U+200B–U+200D, U+2060, U+FEFF) are no one's to see:
// a paste from a web page leaves them after a figure.
const spaces = " \t\r\n\u00a0\u2007\u2009\u202f\u3000\ufeff\u200b\u200c\u200d\u2060"

// trimSpaces is strings.Trim(s, spaces), without looking at the cutset
// when s starts and ends with an ASCII character that is not in it (every
// figure and nearly every name).
func trimSpaces(s string) string {
	if n := len(s); n > 0 && plainEnd(s[0]) && plainEnd(s[n-1]) {
		return s
	}
	return strings.Trim(s, spaces)
}

// plainEnd: an ASCII byte that is not one of spaces.
func plainEnd(c byte) bool { return c < 0x80 && c != ' ' && c != '\t' && c != '\r' && c != '\n' }

// minusSigns are the minus signs typed for a hyphen-minus: built once
// (a Replacer builds its tables on first use, which per call cost a
// fifth of reading a file of figures typed as text).
var minusSigns = strings.NewReplacer("\u2212", "-", "\uff0d", "-")

// ParseText reads a figure typed as text in a column of the given unit. It
// accepts what is unambiguous — thousands separators, full-width digits,
// surrounding (no-break) spaces, (1,234.50) for negatives, the column's own
// unit written after the figure, a dash or 无 for nothing — and rejects the
// rest with what would have been accepted. blank reports a "nothing" marker.
func ParseText(s string, unit string) (d decimal.Decimal, blank bool, problem reconcile.Text, ok bool) {
	if t, neg, plain := plainASCII(s); plain {
		// The commonest text figure (12.5, a system's export): what the
		// general path makes of it, without its transforms and patterns.
		if d, err := decimal.NewFromString(t); err == nil {
			if neg {
				d = d.Neg()
			}
			return d, false, reconcile.Text{}, true
		}
	}
	return parseText(s, unit)
}

// plainASCII splits a sign off s and reports whether the rest is digits
// with at most one point and a digit somewhere (the pattern plain), all
// ASCII: a text the general path reads only by its sign and digits.
func plainASCII(s string) (t string, neg, ok bool) {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	digits, points := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && points == 0:
			points++
		default:
			return "", false, false
		}
	}
	if digits == 0 {
		return "", false, false
	}
	return s, neg, true
}

// parseText is ParseText's general path.
func parseText(s string, unit string) (d decimal.Decimal, blank bool, problem reconcile.Text, ok bool) {
	t := width.Narrow.String(s)
	t = minusSigns.Replace(t)
	t = strings.Trim(t, spaces)
	if t == "" || nothing[t] {
		return decimal.Decimal{}, true, reconcile.Text{}, true
	}
	if strings.HasPrefix(t, "=") {
		// A formula typed as text: Excel shows the text, never computes it.
		return decimal.Decimal{}, false, reconcile.Text{
			"数字（这里是公式的文本，Excel 不会计算它；请填写数字，或把单元格格式改为“常规”后重新输入公式）",
			"a number (this is a formula's text, which Excel does not compute; type the figure, or set the cell to General and enter the formula again)"}, false
	}
	u := trailingUnit(t)
	if u == "" {
		u = bareMultiplier(t) // 3.5万: the 万 of 万元 without its 元
	}
	if u != "" && (u == unit || u == unitMultiplier(unit)) {
		t = strings.TrimRight(strings.TrimSuffix(t, u), spaces)
	} else if u != "" {
		return decimal.Decimal{}, false, reconcile.Text{
			"以" + unit + "为单位的数字（本列单位是" + unit + "，不是" + u + "）",
			"a figure in " + unit + " (this column's unit), not " + u}, false
	}
	if i := strings.IndexFunc(t, func(r rune) bool { return unicode.Is(unicode.Sc, r) }); i >= 0 {
		// ¥1,234.00, $12: said as what it is (the thousands check below
		// would blame the commas).
		r, _ := utf8.DecodeRuneInString(t[i:])
		return decimal.Decimal{}, false, reconcile.Text{
			"数字（去掉货币符号“" + string(r) + "”，只填数字）", "a number (without the currency sign \"" + string(r) + "\")"}, false
	}
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg, t = true, t[1:len(t)-1]
	}
	if !neg && (strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+")) {
		neg, t = t[0] == '-', t[1:]
	}
	if strings.Contains(t, ",") {
		if decimalComma.MatchString(t) && !grouped.MatchString(t) {
			// 1 234,50 or 1.234,50: a comma for the decimal point, as
			// much of Europe writes. Said as what it is; which figure was
			// meant is the department's to type, never tally's to guess.
			return decimal.Decimal{}, false, reconcile.Text{
				"数字（这里的逗号像是小数逗号（欧洲写法）：小数点须用“.”，千分位可用“,”或不用，如 3.75 或 1,000.25；tally 不替您改写）",
				"a number (the comma here looks like a decimal comma, as written in much of Europe: use \".\" for the decimal point and \",\" or nothing between thousands, as in 3.75 or 1,000.25; tally does not rewrite it for you)"}, false
		}
		if !grouped.MatchString(t) {
			return decimal.Decimal{}, false, reconcile.Text{
				"数字（千分位逗号须每三位一组，如 1,234.50）", "a number (thousands separators every three digits, as in 1,234.50)"}, false
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	if !plain.MatchString(t) {
		if r, ok := invisibleChar(t); ok {
			// The cell shows a figure; what is wrong cannot be seen.
			code := fmt.Sprintf("U+%04X", r)
			return decimal.Decimal{}, false, reconcile.Text{
				"数字（其中夹有看不见的字符 " + code + "，请删除该单元格的内容后重新输入数字）",
				"a number (it holds the invisible character " + code + ": clear the cell and type the figure again)"}, false
		}
		if strings.IndexFunc(t, unicode.IsSpace) >= 0 {
			// 1 234.56 with a space (or a thin one, U+2009, U+202F)
			// between the digits, which prints as nothing unusual.
			return decimal.Decimal{}, false, reconcile.Text{
				"数字（数字中间不要有空格，千分位用“,”或不用，如 1234.56 或 1,234.56）",
				"a number (no space between the digits: use \",\" or nothing between thousands, as in 1234.56 or 1,234.56)"}, false
		}
		return decimal.Decimal{}, false, anyNumber, false
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, false, reconcile.Text{"数字", "a number"}, false
	}
	if neg {
		d = d.Neg()
	}
	return d, false, reconcile.Text{}, true
}

// noteFigure reports whether a 说明 is a plain number and nothing else —
// digits with a sign, a decimal point, thousands separators, full-width
// digits or a unit after them (1234.5, -3,000, ５６, 56万元, 12%) — as a
// figure typed one column too far is; not a sentence with a number in it
// (含补报 1234.5 万元), nor a dash or 无 for nothing.
func noteFigure(note string) bool {
	t := width.Narrow.String(note)
	t = minusSigns.Replace(t)
	t = strings.Trim(t, spaces)
	u := trailingUnit(t)
	if u == "" {
		u = bareMultiplier(t)
	}
	if u == "" && strings.HasSuffix(t, "%") {
		u = "%"
	}
	t = strings.TrimRight(strings.TrimSuffix(t, u), spaces)
	if t == "" || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	_, blank, _, ok := ParseText(t, "")
	return ok && !blank
}

// invisibleChar returns the first character of t a cell does not show: a
// format character (zero-width spaces and joiners, direction marks).
func invisibleChar(t string) (rune, bool) {
	for _, r := range t {
		if unicode.Is(unicode.Cf, r) {
			return r, true
		}
	}
	return 0, false
}

// anyNumber is what ParseText asks for when the text is not a number at
// all; fitExample makes it fit the column.
var anyNumber = reconcile.Text{"数字，如 1234.50、1,234.50 或 (1,234.50)", "a number such as 1234.50, 1,234.50 or (1,234.50)"}

// fitExample turns the examples of a not_a_number finding into ones the
// column takes: whole numbers for a column of whole units (家, 人), no
// negative form where a negative figure is itself a finding.
func fitExample(f *reconcile.Finding, def *reconcile.Indicator) {
	if f == nil || def == nil || f.Rule != reconcile.RuleNotANumber || f.Fields["expected"] != anyNumber {
		return
	}
	nonNeg := def.NonNegative || def.HasMin && !def.Min.IsNegative()
	if def.Precision == 0 && !nonNeg {
		f.Fields["expected"] = reconcile.Text{"整数，如 1234、1,234 或 (1,234)", "a whole number such as 1234, 1,234 or (1,234)"}
		return
	}
	ex := "1234"
	switch { // fen at most: 1234.500000 would read as a demand for six places
	case def.Precision == 1:
		ex += ".5"
	case def.Precision > 1:
		ex += ".50"
	}
	grouped := "1," + ex[1:]
	switch {
	case def.Precision == 0:
		f.Fields["expected"] = reconcile.Text{"整数，如 " + ex + " 或 " + grouped + "（不能为负数）", "a whole number such as " + ex + " or " + grouped + " (not negative)"}
	case nonNeg:
		f.Fields["expected"] = reconcile.Text{"数字，如 " + ex + " 或 " + grouped + "（不能为负数）", "a number such as " + ex + " or " + grouped + " (not negative)"}
	default:
		f.Fields["expected"] = reconcile.Text{"数字，如 " + ex + "、" + grouped + " 或 (" + grouped + ")", "a number such as " + ex + ", " + grouped + " or (" + grouped + ")"}
	}
}

// trailingUnit returns the (longest) unit name a text ends with, if any.
func trailingUnit(t string) string {
	best := ""
	for _, u := range knownUnits {
		if strings.HasSuffix(t, u) && len(u) > len(best) {
			best = u
		}
	}
	return best
}

// bareMultiplier returns 万 or 亿 when t ends with one written alone
// (3.5万), not as part of a unit's name.
func bareMultiplier(t string) string {
	for _, m := range []string{"万", "亿"} {
		if strings.HasSuffix(t, m) {
			return m
		}
	}
	return ""
}

// unitMultiplier is the 万 or 亿 a unit's name puts before its base unit
// (万元 → 万, 亿元 → 亿, 万人 → 万); "" for any other unit. A figure
// written 3.5万 in a 万元 column has the column's unit written in, as
// 3.5万元 has: both read 3.5; in a 元 column both are refused.
func unitMultiplier(unit string) string {
	u, ok := reconcile.LookupUnit(unit)
	if !ok || u.Exp == 0 || !strings.HasSuffix(u.Name, u.Base) {
		return ""
	}
	m := strings.TrimSuffix(u.Name, u.Base)
	if m != "万" && m != "亿" {
		return ""
	}
	return m
}

// knownUnits are the units a figure typed as text may end with: the domain's.
var knownUnits = reconcile.UnitNames()

// readValue reads a value cell of a column kept in unit. It returns the
// cell and, for anything not a plain stored number, the finding to record.
func readValue(src reconcile.Source, rc *rawCell, unit string) (reconcile.Cell, *reconcile.Finding) {
	c := reconcile.Cell{Source: src}
	f := readValueInto(&c, rc, unit)
	return c, f
}

// readValueInto is readValue into c, whose Source is set and the rest zero
// (a row's cell, filled in place rather than copied).
func readValueInto(c *reconcile.Cell, rc *rawCell, unit string) *reconcile.Finding {
	src := c.Source
	if rc == nil {
		c.State = reconcile.Blank
		return nil
	}
	c.Raw = rc.Value
	// A formula is quoted as Excel and Calc show it: an .ods file's
	// OpenFormula references ([.B4:.B29]) in A1 form (excelForm).
	shown := ""
	if rc.HasF {
		shown = excelForm(rc.Formula)
		c.Formula = "=" + shown
	}
	bad := func(rule reconcile.Rule, fields reconcile.Fields) *reconcile.Finding {
		c.State = reconcile.Invalid
		return &reconcile.Finding{Source: src, Rule: rule, Severity: reconcile.Error, Raw: c.Raw, Fields: fields}
	}
	// What was expected, for a finding's message: built only for one.
	expect := func() reconcile.Text {
		return reconcile.Text{"以" + unit + "为单位的数字", "a number in " + unit}
	}
	if rc.HasF && rc.Value == "" {
		c.Raw = "=" + shown
		return bad(reconcile.RuleNoCachedValue, reconcile.Fields{"formula": shown})
	}
	if rc.HasF && rc.Type == "e" {
		// #VALUE!, #REF!: said as the formula's error, never as "type a
		// number" into a cell the department did not type.
		return bad(reconcile.RuleFormulaError, reconcile.Fields{"formula": shown, "raw": rc.Value})
	}
	switch {
	case rc.Type == "d":
		return bad(reconcile.RuleDate, reconcile.Fields{"date": rc.Value, "expected": expect()})
	case rc.Date && (rc.Type == "" || rc.Type == "n"):
		// A date typed into a figure cell: stored as a day number, shown
		// as a date. Summing the day number would be a silent wrong total.
		return bad(reconcile.RuleDate, reconcile.Fields{"date": dateText(rc.Value, rc.Mac1904), "expected": expect()})
	case rc.Scaled != "" && (rc.Type == "" || rc.Type == "n"):
		// 12345678 元 shown as 1234.5678 by the 万元 format 0!.0000: the
		// sheet shows one figure and stores another, 10,000 times larger.
		// Which one the department meant, no reader can tell: refused.
		return bad(reconcile.RuleFormatScales, reconcile.Fields{"value": rc.Value, "format": rc.Scaled, "unit": unit})
	case rc.Literal != nil && (rc.Type == "" || rc.Type == "n") && literalShown(rc) != "":
		// A format of text only ("110.23") shows that text whatever is
		// stored: the sheet shows one figure, the file holds another.
		return bad(reconcile.RuleFormatText, reconcile.Fields{"value": rc.Value, "format": rc.Literal.code, "shown": literalShown(rc), "unit": unit})
	case rc.Percent && (rc.Type == "" || rc.Type == "n") && unit != "%":
		// 12% typed into a 万元 or 人 cell: Excel stores 0.12 and shows
		// 12%. Summing 0.12 would be a silent wrong total; the same
		// typed as text is refused, so this is refused in the same words.
		if shown, ok := percentShown(rc.Value, rc.Places); ok {
			_, _, problem, _ := ParseText(shown, unit)
			return bad(reconcile.RuleNotANumber, reconcile.Fields{"raw": shown, "expected": problem})
		}
	}
	// A figure that is another workbook's cell: read, and said (what the
	// sheet caches is what that file held when the link was last updated).
	var linked *reconcile.Finding
	if rc.HasF && externalRef(rc.Formula) {
		linked = &reconcile.Finding{Source: src, Rule: reconcile.RuleExternalLink, Severity: reconcile.Warning, Raw: c.Raw,
			Fields: reconcile.Fields{"value": rc.Value, "formula": "=" + shown}}
	}
	switch rc.Type {
	case "", "n":
		d, err := parseStored(rc.Value)
		if err != nil {
			return bad(reconcile.RuleNotANumber, reconcile.Fields{"raw": rc.Value, "expected": expect()})
		}
		c.State, c.Value = reconcile.Number, d
		return linked
	case "s", "inlineStr", "str":
		d, blank, problem, ok := ParseText(rc.Value, unit)
		switch {
		case !ok:
			return bad(reconcile.RuleNotANumber, reconcile.Fields{"raw": rc.Value, "expected": problem})
		case blank:
			c.State = reconcile.Blank
			return nil
		}
		c.State, c.Value, c.AsText = reconcile.Number, reconcile.NumOf(d), true
		if linked != nil {
			return linked
		}
		if rc.Type == "str" { // a formula's text result: not typed by a person
			return nil
		}
		return &reconcile.Finding{Source: src, Rule: reconcile.RuleTextNumber, Severity: reconcile.Info, Raw: c.Raw, Fields: reconcile.Fields{"value": d.String()}}
	}
	// b (boolean), e (#DIV/0! and the like), d (a date): not figures. A
	// boolean is stored 1 or 0 and shown TRUE or FALSE: said as shown,
	// not as the figure "1" it is not.
	raw := rc.Value
	if rc.Type == "b" {
		switch strings.TrimSpace(raw) {
		case "1", "true":
			raw = "TRUE"
		case "0", "false":
			raw = "FALSE"
		}
		c.Raw = raw
	}
	return bad(reconcile.RuleNotANumber, reconcile.Fields{"raw": raw, "expected": expect()})
}

// externalBook finds a reference to another workbook in a formula whose
// double-quoted texts are blanked: [1]Sheet!A1 as Excel stores it, or the
// book's name in brackets ('D:\报送\[2020-02-czs.xlsx]税收收入'!C4) — not
// a table's column (Table1[本月]), which has a name before its bracket.
var externalBook = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}_\].])\[\d+\]|\[[^\]]*\.(xlsx|xlsm|xlsb|xls|ods|et|csv)\]`)

// externalRef reports whether formula f refers to another workbook.
func externalRef(f string) bool {
	if !strings.Contains(f, "[") {
		return false
	}
	var b strings.Builder
	in := false
	for _, r := range f {
		if r == '"' {
			in = !in
			b.WriteRune(r)
			continue
		}
		if in {
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	return externalBook.MatchString(b.String())
}

// serialDate shows an Excel day number as the date (and time) it stands
// for, in the 1900 date system; the stored text when it is not one.
func serialDate(v string) string {
	d, err := decimal.NewFromString(v)
	if err != nil || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(2958465)) {
		return v
	}
	days := d.IntPart()
	// Day 60 is Excel's 1900-02-29, which never was; the base absorbs it.
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if days < 61 {
		base = base.AddDate(0, 0, 1)
	}
	t := base.AddDate(0, 0, int(days))
	secs := d.Sub(decimal.NewFromInt(days)).Mul(decimal.NewFromInt(86400)).Round(0).IntPart()
	if days == 0 { // a time of day only
		return time.Time{}.Add(time.Duration(secs) * time.Second).Format("15:04:05")
	}
	if secs == 0 {
		return t.Format("2006-01-02")
	}
	return t.Add(time.Duration(secs) * time.Second).Format("2006-01-02 15:04:05")
}

// percentShown is a stored number as a percentage format shows it, exactly
// (0.12 → 12%), with at least the format's decimal places (0.0% shows
// 110.23 as 11023.0%) and never fewer than the figure needs (0.125 under
// 0% is 12.5%, not Excel's rounded 13%), for a finding.
func percentShown(v string, places int8) (string, bool) {
	d, err := parseStored(v)
	if err != nil {
		return "", false
	}
	p := d.Decimal().Shift(2)
	if e := -p.Exponent(); e < int32(places) {
		return p.StringFixed(int32(places)) + "%", true
	}
	return p.String() + "%", true
}

// literalShown is the text a literal format shows for the cell's number:
// its negative section's for a negative figure when it has one.
func literalShown(rc *rawCell) string {
	if strings.HasPrefix(strings.TrimSpace(rc.Value), "-") {
		return rc.Literal.shown[1]
	}
	return rc.Literal.shown[0]
}
