#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>

namespace Retort {

// SHA-256 (FIPS 180-4) for revision checksums. QCryptographicHash's portable code hashed about
// 70 MB/s on the project's machine, a third of ScriptDirectory::load's time for 10,000 files;
// this one does about three times that. Checked against QCryptographicHash in tst_revisionscript.
class Sha256
{
public:
    void addData(QByteArrayView data);
    QByteArray result() const; // 32 bytes; the object stays usable for more addData()

    static QByteArray hash(QByteArrayView data);

private:
    void compress(const uchar *block);

    std::array<quint32, 8> m_state{0x6a09e667,
                                   0xbb67ae85,
                                   0x3c6ef372,
                                   0xa54ff53a,
                                   0x510e527f,
                                   0x9b05688c,
                                   0x1f83d9ab,
                                   0x5be0cd19};
    std::array<uchar, 64> m_buffer{};
    qsizetype m_buffered = 0;
    quint64 m_length = 0; // bytes
};

} // namespace Retort
