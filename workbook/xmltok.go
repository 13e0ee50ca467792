package workbook

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"
)

// xmlTokens reads the raw tokens of a sheet or string-table part: start
// and end tags by local name (namespace prefixes dropped), attributes and
// character data unescaped — what encoding/xml's RawToken gives, for the
// subset of XML a package part is, at a fraction of the cost and without
// allocating per token: a sheet of a million cells is read by this loop.
// Processing instructions and comments are skipped; CDATA is text; a DTD
// is an error, as the packaging standard has it, so no entity is ever
// defined or expanded. Malformed input is an error.
// FuzzXMLTokens checks it token for token against encoding/xml.
type xmlTokens struct {
	r        io.Reader
	buf      []byte
	pos, end int
	off      int64 // input offset of buf[0]
	rerr     error // the reader's error, once seen

	name []byte // local name of a start or end tag
	// prefix is a start tag's namespace prefix with its colon ("x:"),
	// empty for none: what name dropped.
	prefix []byte
	attrs  []xmlAttr // of a start tag
	text   []byte    // character data
	close  bool      // a self-closing start tag: its end comes next

	tag, vals []byte // storage behind name, attrs and text

	pooled *[]byte // where buf came from (release)

	// max, when positive, bounds one token (a tag, a text node, CDATA, a
	// comment): a text of hundreds of MB of whitespace is refused, not held.
	max int
}

type tokKind int

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

type xmlAttr struct{ name, value []byte }

// tokBufSize is the input buffer of a tokenizer (it grows for a longer
// token).
const tokBufSize = 64 << 10

// tokBufs keeps the buffers of released tokenizers: a run opens several
// parts of every file, each wanting one.
var tokBufs = sync.Pool{New: func() any { b := make([]byte, tokBufSize); return &b }}

func newXMLTokens(r io.Reader) *xmlTokens {
	bp := tokBufs.Get().(*[]byte)
	return &xmlTokens{r: r, buf: *bp, pooled: bp}
}

// release gives the buffer back for the next part; t is not used after.
func (t *xmlTokens) release() {
	if t.pooled != nil && cap(t.buf) == tokBufSize {
		*t.pooled = t.buf[:tokBufSize]
		tokBufs.Put(t.pooled)
	}
	t.buf, t.pooled = nil, nil
}

// attr returns the value of the start tag's attribute with local name n.
func (t *xmlTokens) attr(n string) (string, bool) {
	for _, a := range t.attrs {
		if string(a.name) == n {
			return string(a.value), true
		}
	}
	return "", false
}

// attrIs reports whether any attribute of the start tag with local name n
// (in whichever namespace) has the value v.
func (t *xmlTokens) attrIs(n, v string) bool {
	for _, a := range t.attrs {
		if string(a.name) == n && string(a.value) == v {
			return true
		}
	}
	return false
}

// attrBytes is attr without the copy: valid until the next token.
func (t *xmlTokens) attrBytes(n string) ([]byte, bool) {
	for _, a := range t.attrs {
		if string(a.name) == n {
			return a.value, true
		}
	}
	return nil, false
}

// tooLong is the error of a token past max.
func (t *xmlTokens) tooLong() error {
	return fileErr(fmt.Sprintf("XML 中有超过 %d 字节的文本或标记（第 %d 字节处），超过上限", t.max, t.off+int64(t.pos)),
		fmt.Sprintf("an XML text or tag longer than %d bytes (at byte %d), over the limit", t.max, t.off+int64(t.pos)), nil)
}

func (t *xmlTokens) long(b []byte) bool { return t.max > 0 && len(b) > t.max }

func (t *xmlTokens) syntax(msg string) error {
	return fmt.Errorf("XML syntax error at byte %d: %s", t.off+int64(t.pos), msg)
}

// fill reads more input; false at the end of it.
func (t *xmlTokens) fill() (bool, error) {
	if t.rerr != nil {
		if t.rerr == io.EOF {
			return false, nil
		}
		return false, t.rerr
	}
	if t.pos > 0 {
		copy(t.buf, t.buf[t.pos:t.end])
		t.off += int64(t.pos)
		t.end -= t.pos
		t.pos = 0
	}
	if t.end == len(t.buf) {
		t.buf = append(t.buf, make([]byte, len(t.buf))...)
	}
	n, err := t.r.Read(t.buf[t.end:])
	t.end += n
	if err != nil {
		t.rerr = err
	}
	if n == 0 && err != nil {
		return t.fill()
	}
	return true, nil
}

// next reads the next token; io.EOF at the end of the input.
func (t *xmlTokens) next() (tokKind, error) {
	if t.close {
		t.close = false
		return tokEnd, nil
	}
	if t.pos == t.end {
		if ok, err := t.fill(); err != nil {
			return 0, err
		} else if !ok {
			return 0, io.EOF
		}
	}
	if t.buf[t.pos] != '<' {
		return t.charData()
	}
	// Enough of the tag to tell its kind.
	for t.end-t.pos < 9 {
		if ok, err := t.fill(); err != nil {
			return 0, err
		} else if !ok {
			break
		}
	}
	rest := t.buf[t.pos+1 : t.end]
	switch {
	case hasPrefix(rest, "?"):
		return t.skipPast("?>")
	case hasPrefix(rest, "!--"):
		return t.skipPast("-->")
	case hasPrefix(rest, "![CDATA["):
		return t.cdata()
	case hasPrefix(rest, "!"):
		// Open Packaging Conventions (ECMA-376-2, M1.17): a part with a
		// DTD is invalid; refusing it also refuses every entity trick.
		return 0, t.syntax("DTD or directive in a package part")
	}
	raw, err := t.tagBytes()
	if err != nil {
		return 0, err
	}
	if len(raw) > 0 && raw[0] == '/' {
		name := bytes.TrimRight(raw[1:], " \t\r\n")
		if !validName(name) {
			return 0, t.syntax("invalid end tag")
		}
		t.name = localName(name)
		return tokEnd, nil
	}
	return t.startTag(raw)
}

// charData reads text up to the next tag.
func (t *xmlTokens) charData() (tokKind, error) {
	t.tag = t.tag[:0]
	for {
		i := bytes.IndexByte(t.buf[t.pos:t.end], '<')
		if i >= 0 {
			t.tag = append(t.tag, t.buf[t.pos:t.pos+i]...)
			t.pos += i
			break
		}
		t.tag = append(t.tag, t.buf[t.pos:t.end]...)
		t.pos = t.end
		if t.long(t.tag) {
			return 0, t.tooLong()
		}
		if ok, err := t.fill(); err != nil {
			return 0, err
		} else if !ok {
			break
		}
	}
	t.vals = t.vals[:0]
	text, err := t.unescape(t.tag)
	if err != nil {
		return 0, err
	}
	t.text = text
	return tokText, nil
}

// cdata reads <![CDATA[ … ]]> as text.
func (t *xmlTokens) cdata() (tokKind, error) {
	t.pos += len("<![CDATA[")
	body, err := t.until("]]>")
	if err != nil {
		return 0, err
	}
	if !utf8.Valid(body) {
		return 0, t.syntax("invalid UTF-8")
	}
	if err := t.controls(body); err != nil {
		return 0, err
	}
	t.text = newlines(body)
	return tokText, nil
}

// skipPast skips input through the end marker.
func (t *xmlTokens) skipPast(end string) (tokKind, error) {
	if _, err := t.until(end); err != nil {
		return 0, err
	}
	return t.next()
}

// until returns the input up to end (kept in t.vals) and moves past it.
func (t *xmlTokens) until(end string) ([]byte, error) {
	t.vals = t.vals[:0]
	for {
		if i := bytes.Index(t.buf[t.pos:t.end], []byte(end)); i >= 0 {
			t.vals = append(t.vals, t.buf[t.pos:t.pos+i]...)
			t.pos += i + len(end)
			return t.vals, nil
		}
		// Keep the last len(end)-1 bytes: the marker may straddle reads.
		keep := min(len(end)-1, t.end-t.pos)
		t.vals = append(t.vals, t.buf[t.pos:t.end-keep]...)
		t.pos = t.end - keep
		if t.long(t.vals) {
			return nil, t.tooLong()
		}
		if ok, err := t.fill(); err != nil {
			return nil, err
		} else if !ok {
			return nil, t.syntax("unexpected EOF")
		}
	}
}

// tagBytes returns what is between < and the > that ends the tag (a >
// inside a quoted attribute value does not), and moves past it.
func (t *xmlTokens) tagBytes() ([]byte, error) {
	t.tag = t.tag[:0]
	t.pos++ // '<'
	quote := byte(0)
	for {
		start := t.pos
		for ; t.pos < t.end; t.pos++ {
			c := t.buf[t.pos]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			if c == '"' || c == '\'' {
				quote = c
			} else if c == '>' {
				t.tag = append(t.tag, t.buf[start:t.pos]...)
				t.pos++
				return t.tag, nil
			} else if c == '<' {
				return nil, t.syntax("unexpected < in tag")
			}
		}
		t.tag = append(t.tag, t.buf[start:t.end]...)
		if t.long(t.tag) {
			return nil, t.tooLong()
		}
		if ok, err := t.fill(); err != nil {
			return nil, err
		} else if !ok {
			return nil, t.syntax("unexpected EOF in tag")
		}
	}
}

// startTag parses a start tag: name, attributes, and a closing slash.
func (t *xmlTokens) startTag(raw []byte) (tokKind, error) {
	if n := len(raw); n > 0 && raw[n-1] == '/' {
		t.close, raw = true, raw[:n-1]
	}
	i := 0
	for i < len(raw) && !isXMLSpace(raw[i]) {
		i++
	}
	if !validName(raw[:i]) {
		t.close = false
		return 0, t.syntax("invalid tag name")
	}
	t.name = localName(raw[:i])
	t.prefix = raw[:i-len(t.name)]
	t.attrs = t.attrs[:0]
	t.vals = t.vals[:0]
	for {
		for i < len(raw) && isXMLSpace(raw[i]) {
			i++
		}
		if i == len(raw) {
			break
		}
		j := i
		for j < len(raw) && raw[j] != '=' && !isXMLSpace(raw[j]) {
			j++
		}
		name := raw[i:j]
		for j < len(raw) && isXMLSpace(raw[j]) {
			j++
		}
		if !validName(name) || j == len(raw) || raw[j] != '=' {
			t.close = false
			return 0, t.syntax("attribute without value")
		}
		j++
		for j < len(raw) && isXMLSpace(raw[j]) {
			j++
		}
		if j == len(raw) || (raw[j] != '"' && raw[j] != '\'') {
			t.close = false
			return 0, t.syntax("unquoted attribute value")
		}
		q := raw[j]
		k := bytes.IndexByte(raw[j+1:], q)
		if k < 0 {
			t.close = false
			return 0, t.syntax("unterminated attribute value")
		}
		v := raw[j+1 : j+1+k]
		if bytes.IndexByte(v, '<') >= 0 {
			t.close = false
			return 0, t.syntax("< in attribute value")
		}
		val, err := t.unescape(v)
		if err != nil {
			t.close = false
			return 0, err
		}
		t.attrs = append(t.attrs, xmlAttr{localName(name), val})
		i = j + 1 + k + 1 // encoding/xml, too, reads a="1"b="2"
	}
	return tokStart, nil
}

// unescape decodes entity and character references in s, and normalises
// line ends as XML does (CR LF and CR alone become LF). Unless s needs
// neither, the result is appended to t.vals.
func (t *xmlTokens) unescape(s []byte) ([]byte, error) {
	if !utf8.Valid(s) {
		return nil, t.syntax("invalid UTF-8")
	}
	if err := t.controls(s); err != nil {
		return nil, err
	}
	if bytes.IndexByte(s, '&') < 0 && bytes.IndexByte(s, '\r') < 0 {
		return s, nil
	}
	start := len(t.vals)
	out := t.vals
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '&':
			end := bytes.IndexByte(s[i:], ';')
			if end < 0 {
				return nil, t.syntax("unterminated entity reference")
			}
			ref := s[i+1 : i+end]
			switch string(ref) {
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "amp":
				out = append(out, '&')
			case "quot":
				out = append(out, '"')
			case "apos":
				out = append(out, '\'')
			default:
				r, ok := charRef(ref)
				if !ok {
					return nil, t.syntax("invalid entity reference &" + string(ref) + ";")
				}
				out = utf8.AppendRune(out, r)
			}
			i += end
		default:
			out = append(out, c)
		}
	}
	t.vals = out
	return out[start:], nil
}

// charRef decodes the body of &#N; or &#xH;.
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' {
		n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
	}
	r := rune(n)
	if err != nil || !isXMLChar(r) {
		return 0, false
	}
	return r, true
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// validName accepts a non-empty name without the characters that cannot be
// in one; the finer rules of XML names do not matter to reading a sheet.
func validName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		switch c {
		case '<', '>', '"', '\'', '=', '/', '&', ' ', '\t', '\r', '\n':
			return false
		}
	}
	return true
}

// localName drops a namespace prefix.
func localName(b []byte) []byte {
	if i := bytes.IndexByte(b, ':'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// newlines normalises CR LF and lone CR to LF.
func newlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// controls refuses the control characters XML does not allow (a NUL byte,
// say): encoding/xml and Excel refuse such a part too.
func (t *xmlTokens) controls(s []byte) error {
	for _, c := range s {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return t.syntax(fmt.Sprintf("illegal character code U+%04X", c))
		}
	}
	return nil
}

// simpleCell is a sheet's <c> element in the form nearly every writer
// gives nearly every cell: <c r="B7" s="5" t="n"><v>123.45</v></c>, or
// the same without a value (<c r="B7" s="5"/>, <c r="B7"></c>).
type simpleCell struct {
	ref, style, typ           []byte // attribute values, in the input buffer
	hasRef, hasStyle, hasType bool
	value                     []byte // the <v> text
	hasV                      bool
}

// maxSimpleCell bounds the bytes cell looks at: longer cells are read
// token by token.
const maxSimpleCell = 512

// cell reads a simple <c> element at the current position into c, in one
// pass over the buffered input, and reports whether it did. It takes only
// what next would read as the same tokens with the same texts: ASCII
// attribute values and text without references, character data only
// inside <v>, every token within max; anything else (another element, a
// formula, an inline string, an entity, a namespace prefix, whitespace
// between the tags) it leaves, consuming nothing, for next. The slices in
// c are valid until the next call of either.
func (t *xmlTokens) cell(c *simpleCell) bool {
	if t.close {
		return false
	}
	if t.end-t.pos < maxSimpleCell && t.rerr == nil {
		// Errors stay in t.rerr for next, which reports them when it needs
		// the input they stopped.
		t.fill()
	}
	b := t.buf[t.pos:t.end]
	if len(b) > maxSimpleCell {
		b = b[:maxSimpleCell]
	}
	if t.max > 0 && len(b) > t.max {
		b = b[:t.max] // the whole element within max: each token is
	}
	if len(b) < 4 || b[0] != '<' || b[1] != 'c' {
		return false
	}
	*c = simpleCell{}
	i := 2
	for {
		if i >= len(b) {
			return false
		}
		switch b[i] {
		case '>':
			i++
			n, ok := cellBody(b[i:], c)
			if !ok {
				return false
			}
			t.pos += i + n
			return true
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				t.pos += i + 2
				return true
			}
			return false
		case ' ':
		default:
			return false // another name (<col>), or an attribute without a space before it
		}
		for i < len(b) && b[i] == ' ' {
			i++
		}
		if i < len(b) && (b[i] == '>' || b[i] == '/') {
			continue
		}
		j := i
		for j < len(b) && plainNameByte(b[j]) {
			j++
		}
		if j == i || j+1 >= len(b) || b[j] != '=' || b[j+1] != '"' && b[j+1] != '\'' {
			return false
		}
		q, k := b[j+1], j+2
		for k < len(b) && b[k] != q {
			if !plainByte(b[k]) {
				return false
			}
			k++
		}
		if k >= len(b) {
			return false
		}
		name, val := b[i:j], b[j+2:k]
		var dup bool
		switch string(name) {
		case "r":
			dup, c.ref, c.hasRef = c.hasRef, val, true
		case "s":
			dup, c.style, c.hasStyle = c.hasStyle, val, true
		case "t":
			dup, c.typ, c.hasType = c.hasType, val, true
		case "xmlns":
			return false // a namespace declared on the cell: next, and the scan, judge it
		}
		if dup {
			return false // attr would take the first; leave it to next
		}
		i = k + 1
	}
}

// cellBody reads what follows a simple cell's start tag, </c> or
// <v>text</v></c>, and returns its length.
func cellBody(b []byte, c *simpleCell) (int, bool) {
	if hasPrefix(b, "</c>") {
		return 4, true
	}
	if !hasPrefix(b, "<v>") {
		return 0, false
	}
	i := 3
	for i < len(b) && b[i] != '<' {
		if !plainByte(b[i]) {
			return 0, false
		}
		i++
	}
	if !hasPrefix(b[i:], "</v></c>") {
		return 0, false
	}
	c.value, c.hasV = b[3:i], true
	return i + len("</v></c>"), true
}

// hasPrefix is bytes.HasPrefix for a constant prefix: the compiler turns
// the comparison into loads of a few bytes, where bytes.HasPrefix calls
// the general memory comparison (a few per cell on the hot loop).
func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}

// plainNameByte: a byte of an attribute name that is its own local name.
func plainNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

// plainByte: printable ASCII that stands for itself in an attribute value
// or text (no reference, no tag, no line end to normalise).
func plainByte(c byte) bool { return c >= 0x20 && c < 0x7f && c != '<' && c != '&' }

// maxSimpleString bounds the bytes sharedString looks at.
const maxSimpleString = 4096

// sharedString reads <si><t>text</t></si> (the <t> may keep its spaces
// with xml:space="preserve") at the current position in one pass, and
// returns the text; as cell does, it takes only what next would read as
// the same tokens and text, and else consumes nothing.
func (t *xmlTokens) sharedString() ([]byte, bool) {
	if t.close {
		return nil, false
	}
	if t.end-t.pos < maxSimpleString && t.rerr == nil {
		t.fill() // an error stays in t.rerr for next
	}
	b := t.buf[t.pos:t.end]
	if len(b) > maxSimpleString {
		b = b[:maxSimpleString]
	}
	if t.max > 0 && len(b) > t.max {
		b = b[:t.max]
	}
	if !hasPrefix(b, "<si><t") {
		return nil, false
	}
	i := len("<si><t")
	switch {
	case hasPrefix(b[i:], ">"):
		i++
	case hasPrefix(b[i:], ` xml:space="preserve">`):
		i += len(` xml:space="preserve">`)
	default:
		return nil, false
	}
	start, ascii := i, true
	for ; i < len(b) && b[i] != '<'; i++ {
		switch c := b[i]; {
		case c == '&' || c == '\r' || c < 0x20 && c != '\t' && c != '\n':
			return nil, false // a reference, a line end to normalise, a control character
		case c >= 0x80:
			ascii = false
		}
	}
	if !hasPrefix(b[i:], "</t></si>") {
		return nil, false
	}
	text := b[start:i]
	if !ascii && !utf8.Valid(text) {
		return nil, false
	}
	t.pos += i + len("</t></si>")
	return text, true
}
