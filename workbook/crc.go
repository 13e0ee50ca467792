package workbook

// crc32Combine returns the CRC-32 (IEEE) of a‖b from crc1 = CRC(a),
// crc2 = CRC(b) and len2 = len(b), as zlib's crc32_combine does. The detail
// sheets are compressed while the run goes and joined to the sheet's head
// and tail only when the workbook is written; a zip entry needs the CRC of
// the whole. hash/crc32 has no combine.
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	return multModP(x2nModP(len2, 3), crc1) ^ crc2
}

const crcPoly = 0xedb88320 // IEEE, reflected

// x2nTable[k] is x^(2^k) modulo the CRC polynomial.
var x2nTable = func() (t [32]uint32) {
	p := uint32(1) << 30 // x^1
	for k := range t {
		t[k] = p
		p = multModP(p, p)
	}
	return t
}()

// multModP returns a(x)·b(x) modulo the CRC polynomial (reflected bits).
func multModP(a, b uint32) uint32 {
	m, p := uint32(1)<<31, uint32(0)
	for {
		if a&m != 0 {
			p ^= b
			if a&(m-1) == 0 {
				return p
			}
		}
		m >>= 1
		if b&1 != 0 {
			b = b>>1 ^ crcPoly
		} else {
			b >>= 1
		}
	}
}

// x2nModP returns x^(n·2^k) modulo the CRC polynomial.
func x2nModP(n int64, k uint) uint32 {
	p := uint32(1) << 31 // x^0
	for n != 0 {
		if n&1 != 0 {
			p = multModP(x2nTable[k&31], p)
		}
		n >>= 1
		k++
	}
	return p
}
