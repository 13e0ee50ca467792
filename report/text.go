package report

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names how a text report's bytes were read.
type Encoding string

// The encodings DecodeText reads: what Windows Notepad and the PDF tools write.
const (
	UTF8    Encoding = "UTF-8"
	UTF8BOM Encoding = "UTF-8 BOM"
	UTF16LE Encoding = "UTF-16LE"
	UTF16BE Encoding = "UTF-16BE"
	GB18030 Encoding = "GB18030"
)

// ErrEncoding is returned for a text that is neither UTF-8 (with or without
// a byte order mark), UTF-16 with a byte order mark, nor GBK/GB18030.
var ErrEncoding = errors.New("not UTF-8, UTF-16 or GBK/GB18030 text")

// ErrBinary is returned for bytes that are not text at all.
var ErrBinary = errors.New("not a text file")

// DecodeText returns a text report's lines and the encoding it was read in.
// UTF-8 is taken as it is; a byte order mark selects UTF-8 or UTF-16; a text
// that is not valid UTF-8 but reads as Chinese GBK/GB18030 (what Notepad
// saves as "ANSI" on a Chinese Windows) is read as such. Anything else is
// ErrEncoding: guessing would put mojibake where figures should be.
func DecodeText(data []byte) ([]string, Encoding, error) {
	var text string
	var enc Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, enc = data[3:], UTF8BOM
		if !utf8.Valid(data) {
			return nil, "", ErrEncoding
		}
		text = string(data)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		endian, e := unicode.LittleEndian, UTF16LE
		if data[0] == 0xFE {
			endian, e = unicode.BigEndian, UTF16BE
		}
		if len(data)%2 != 0 {
			return nil, "", ErrEncoding
		}
		s, err := decode(unicode.UTF16(endian, unicode.ExpectBOM), data)
		if err != nil || strings.ContainsRune(s, utf8.RuneError) {
			return nil, "", ErrEncoding
		}
		text, enc = s, e
	case utf8.Valid(data):
		text, enc = string(data), UTF8
	default:
		if bytes.IndexByte(data, 0) >= 0 {
			return nil, "", ErrBinary
		}
		s, err := decode(simplifiedchinese.GB18030, data)
		if err != nil || strings.ContainsRune(s, utf8.RuneError) || !mostlyGB2312(data) {
			return nil, "", ErrEncoding
		}
		text, enc = s, GB18030
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, "", ErrBinary
	}
	return strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), enc, nil
}

func decode(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	return string(out), err
}

// mostlyGB2312 reports whether most two-byte characters of a GBK text lie in
// GB2312's rows (lead and trail bytes 0xA1–0xFE), as a Chinese report's do;
// Latin-1 or other legacy text that happens to decode as GB18030 rarely does.
func mostlyGB2312(data []byte) bool {
	var in, all int
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c < 0x80 {
			continue
		}
		if i+1 >= len(data) {
			return false
		}
		c1 := data[i+1]
		if c1 >= 0x30 && c1 <= 0x39 { // a four-byte GB18030 sequence
			all++
			i += 3
			continue
		}
		all++
		if c >= 0xA1 && c <= 0xF7 && c1 >= 0xA1 && c1 <= 0xFE {
			in++
		}
		i++
	}
	return all > 0 && in*10 >= all*9
}
