#include "sha256.h"

#include <cstring>

namespace Retort {

namespace {

// clang-format off
constexpr std::array<quint32, 64> K{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
// clang-format on

constexpr quint32 rotr(quint32 x, int n)
{
    return (x >> n) | (x << (32 - n));
}

quint32 loadBigEndian(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

} // namespace

void Sha256::compress(const uchar *block)
{
    std::array<quint32, 64> w;
    for (int i = 0; i < 16; ++i)
        w[i] = loadBigEndian(block + 4 * i);
    for (int i = 16; i < 64; ++i) {
        const quint32 s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const quint32 s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    quint32 a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
    quint32 e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
    // Rounds unrolled by eight with the roles rotated instead of the values moved.
    const auto round = [&w](quint32 ra,
                            quint32 rb,
                            quint32 rc,
                            quint32 &rd,
                            quint32 re,
                            quint32 rf,
                            quint32 rg,
                            quint32 &rh,
                            int i) {
        const quint32 t1 = rh + (rotr(re, 6) ^ rotr(re, 11) ^ rotr(re, 25))
                           + ((re & rf) ^ (~re & rg)) + K[i] + w[i];
        const quint32 t2 = (rotr(ra, 2) ^ rotr(ra, 13) ^ rotr(ra, 22))
                           + ((ra & rb) ^ (ra & rc) ^ (rb & rc));
        rd += t1;
        rh = t1 + t2;
    };
    for (int i = 0; i < 64; i += 8) {
        round(a, b, c, d, e, f, g, h, i);
        round(h, a, b, c, d, e, f, g, i + 1);
        round(g, h, a, b, c, d, e, f, i + 2);
        round(f, g, h, a, b, c, d, e, i + 3);
        round(e, f, g, h, a, b, c, d, i + 4);
        round(d, e, f, g, h, a, b, c, i + 5);
        round(c, d, e, f, g, h, a, b, i + 6);
        round(b, c, d, e, f, g, h, a, i + 7);
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
}

void Sha256::addData(QByteArrayView data)
{
    const uchar *p = reinterpret_cast<const uchar *>(data.data());
    qsizetype n = data.size();
    m_length += quint64(n);
    if (m_buffered > 0) {
        const qsizetype take = qMin(n, qsizetype(64) - m_buffered);
        std::memcpy(m_buffer.data() + m_buffered, p, size_t(take));
        m_buffered += take;
        p += take;
        n -= take;
        if (m_buffered < 64)
            return;
        compress(m_buffer.data());
        m_buffered = 0;
    }
    for (; n >= 64; p += 64, n -= 64)
        compress(p);
    std::memcpy(m_buffer.data(), p, size_t(n));
    m_buffered = n;
}

QByteArray Sha256::result() const
{
    Sha256 copy = *this;
    const quint64 bits = m_length * 8;
    std::array<uchar, 72> padding{};
    padding[0] = 0x80;
    // Pad to 56 bytes mod 64, then the length as a 64-bit big-endian number.
    const qsizetype padLength = (m_buffered < 56 ? 56 : 120) - m_buffered;
    for (int i = 0; i < 8; ++i)
        padding[padLength + i] = uchar(bits >> (56 - 8 * i));
    copy.addData(QByteArrayView(reinterpret_cast<const char *>(padding.data()), padLength + 8));
    QByteArray out(32, Qt::Uninitialized);
    for (int i = 0; i < 8; ++i) {
        for (int j = 0; j < 4; ++j)
            out[4 * i + j] = char(copy.m_state[i] >> (24 - 8 * j));
    }
    return out;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 h;
    h.addData(data);
    return h.result();
}

} // namespace Retort
