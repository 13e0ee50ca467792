package reconcile

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// creditAlphabet is the character set of the unified social credit code
// (GB 32100-2015): digits and capitals without I, O, S, V, Z.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditValue is each byte's index in creditAlphabet, -1 for none.
var creditValue = func() (v [256]int8) {
	for i := range v {
		v[i] = int8(strings.IndexByte(creditAlphabet, byte(i)))
	}
	return v
}()

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCheckChar returns the check character for the first 17 characters
// of a unified social credit code, or false if a character is outside the set.
func CreditCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := creditValue[first17[i]]
		if v < 0 {
			return 0, false
		}
		sum += int(v) * creditWeights[i]
	}
	return creditAlphabet[(31-sum%31)%31], true
}

// CheckCreditCode validates an 18-character unified social credit code and
// says what is wrong in both languages; ok is true for a valid code.
func CheckCreditCode(code string) (problem Text, ok bool) {
	switch {
	case code == "":
		return Text{"未填", "is not filled in"}, false
	case len(code) != 18:
		// Characters, not bytes: a code with a Chinese character in it
		// was said to be 54 long.
		n := utf8.RuneCountInString(code)
		if n == 18 {
			return Text{"含有国标 GB 32100 字符集以外的字符", "has a character outside the GB 32100 set"}, false
		}
		return Text{fmt.Sprintf("长度为 %d，应为 18 位", n), fmt.Sprintf("has %d characters, not 18", n)}, false
	}
	want, valid := CreditCheckChar(code[:17])
	if !valid {
		return Text{"含有国标 GB 32100 字符集以外的字符", "has a character outside the GB 32100 set"}, false
	}
	if code[17] != want {
		// Not "应为 C": the check character computed from the first 17 is
		// right only if they are, and a slip is more often among them (two
		// digits swapped, one mistyped). A clerk who types it in makes a
		// valid code of another enterprise's number, which passes.
		return Text{fmt.Sprintf("校验位错误：代码中有录错的字符（常见为两位颠倒或错一位），请对照营业执照逐位核对，不要只改最后一位（只有前 17 位确认无误时，末位才应为 %c）", want),
			fmt.Sprintf("has a wrong check character: a character is mistyped (often two swapped or one wrong); check each against the business licence, do not just change the last one (only if the first 17 are right should the last be %c)", want)}, false
	}
	return Text{}, true
}

// knownProblem is the credit_code problem of an invalid code when the
// code its row's name had last month (or in the template) is known: that
// code, where they differ, and no check character computed from the
// mistyped one.
func knownProblem(code string, problem Text, k *knownCode) Text {
	if len(code) == 18 {
		if want, ok := CreditCheckChar(code[:17]); ok && code[17] != want {
			problem = Text{"校验位错误", "has a wrong check character"}
		}
	}
	if code == "" {
		return Text{problem[0] + "；" + k.was[0] + "，请核实后填入", problem[1] + "; " + k.was[1] + ": check it and fill it in"}
	}
	diff := codeDiff(k.code, code)
	return Text{problem[0] + "；与" + k.said[0] + "不同" + diff[0] + "，疑为录入错误：请按营业执照核对后改正",
		problem[1] + "; it differs from " + k.said[1] + diff[1] + ", a typing slip by the look of it: check it against the business licence and correct it"}
}

// codeDiff says where a code differs from the one known for its row:
// two neighbouring characters swapped (第 11、12 位前后颠倒), and the
// others that differ (第 18 位不同) — nothing for codes of another length
// or with more than four differences.
func codeDiff(known, code string) Text {
	if len(known) != len(code) {
		return Text{}
	}
	var at []int
	for i := 0; i < len(code); i++ {
		if known[i] != code[i] {
			at = append(at, i)
		}
	}
	if len(at) == 0 || len(at) > 4 {
		return Text{}
	}
	var zh, en []string
	var other []string
	for k := 0; k < len(at); k++ {
		p := at[k]
		if k+1 < len(at) && at[k+1] == p+1 && known[p] == code[p+1] && known[p+1] == code[p] {
			zh = append(zh, fmt.Sprintf("第 %d、%d 位前后颠倒", p+1, p+2))
			en = append(en, fmt.Sprintf("characters %d and %d swapped", p+1, p+2))
			k++
			continue
		}
		other = append(other, fmt.Sprint(p+1))
	}
	switch len(other) {
	case 0:
	case 1:
		zh = append(zh, "第 "+other[0]+" 位不同")
		en = append(en, "character "+other[0]+" differs")
	default:
		zh = append(zh, "第 "+strings.Join(other, "、")+" 位不同")
		en = append(en, "characters "+strings.Join(other[:len(other)-1], ", ")+" and "+other[len(other)-1]+" differ")
	}
	return Text{"（" + strings.Join(zh, "，") + "）", " (" + strings.Join(en, "; ") + ")"}
}

// NewCreditCode builds a valid unified social credit code for an enterprise
// (登记管理部门 9, 类别 1) registered in a division (6 digits, 120111 for
// Xiqing), from an 8-digit organisation number: it adds the GB 11714 check
// digit of the organisation code and the GB 32100 check character. Used to
// make sample and benchmark data.
func NewCreditCode(division, org8 string) string {
	weights := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range org8[:8] {
		sum += int(c-'0') * weights[i]
	}
	var check byte
	switch c9 := 11 - sum%11; c9 {
	case 10:
		check = 'X'
	case 11:
		check = '0'
	default:
		check = byte('0' + c9)
	}
	first := "91" + division + org8[:8] + string(check)
	last, _ := CreditCheckChar(first)
	return first + string(last)
}

// quotedCode is a credit code as its finding quotes it after the words
// 统一社会信用代码: “9112…” in Chinese, "9112…" with a space before it in
// English; nothing for an empty code, which is said as 未填 (not filled
// in), not as the quoted nothing “”.
func quotedCode(code string) Text {
	if code == "" {
		return Text{}
	}
	return Text{"“" + code + "”", ` "` + code + `"`}
}
