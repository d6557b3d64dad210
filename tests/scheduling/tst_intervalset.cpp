#include "scheduling/intervalset.h"

#include <QTest>

#include <random>

using namespace kairos;
using namespace kairos::scheduling;

namespace {
IntervalList L(std::initializer_list<std::pair<qint64, qint64>> items)
{
    IntervalList out;
    for (auto [s, e] : items)
        out.append({ s, e });
    return out;
}

// Bit-set reference over [0, 64).
quint64 bits(const IntervalList &l)
{
    quint64 b = 0;
    for (const Interval &i : l)
        for (qint64 t = i.start; t < i.end; ++t)
            b |= quint64(1) << t;
    return b;
}

IntervalList randomList(std::mt19937 &rng)
{
    IntervalList raw;
    const int n = int(rng() % 6);
    for (int i = 0; i < n; ++i) {
        const qint64 s = rng() % 64;
        const qint64 e = std::min<qint64>(64, s + 1 + rng() % 12);
        raw.append({ s, e });
    }
    return normalized(raw);
}
} // namespace

class TestIntervalSet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalize()
    {
        const IntervalList n
            = normalized(L({ { 5, 7 }, { 1, 3 }, { 3, 4 }, { 6, 9 }, { 10, 10 } }));
        QCOMPARE(n, L({ { 1, 4 }, { 5, 9 } }));
        QVERIFY(isNormalized(n));
        QVERIFY(!isNormalized(L({ { 1, 3 }, { 3, 4 } })));
        QVERIFY(!isNormalized(L({ { 4, 5 }, { 1, 2 } })));
    }
    void examples()
    {
        const IntervalList a = L({ { 0, 10 }, { 20, 30 } });
        const IntervalList b = L({ { 5, 25 } });
        QCOMPARE(unite(a, b), L({ { 0, 30 } }));
        QCOMPARE(intersect(a, b), L({ { 5, 10 }, { 20, 25 } }));
        QCOMPARE(subtract(a, b), L({ { 0, 5 }, { 25, 30 } }));
        QCOMPARE(complement(a, { -5, 35 }), L({ { -5, 0 }, { 10, 20 }, { 30, 35 } }));
        QCOMPARE(complement({}, { 0, 5 }), L({ { 0, 5 } }));
        QCOMPARE(clipped(a, { 8, 22 }), L({ { 8, 10 }, { 20, 22 } }));
        QCOMPARE(intersectAll({ a, b, L({ { 0, 100 } }) }), L({ { 5, 10 }, { 20, 25 } }));
        QCOMPARE(totalLength(a), qint64(20));
        // Touching pieces merge in a union.
        QCOMPARE(unite(L({ { 0, 5 } }), L({ { 5, 9 } })), L({ { 0, 9 } }));
    }
    void randomAgainstBits()
    {
        std::mt19937 rng(20261121);
        for (int n = 0; n < 20000; ++n) {
            const IntervalList a = randomList(rng), b = randomList(rng);
            const qint64 ws = rng() % 64;
            const Interval w { ws, std::min<qint64>(64, ws + rng() % 40) };
            const quint64 A = bits(a), B = bits(b),
                          W = bits(w.isEmpty() ? IntervalList {} : IntervalList { w });
            const IntervalList u = unite(a, b), i = intersect(a, b), s = subtract(a, b),
                               c = complement(a, w), cl = clipped(a, w);
            QVERIFY(isNormalized(u) && isNormalized(i) && isNormalized(s) && isNormalized(c)
                && isNormalized(cl));
            QCOMPARE(bits(u), A | B);
            QCOMPARE(bits(i), A & B);
            QCOMPARE(bits(s), A & ~B);
            QCOMPARE(bits(c), W & ~A);
            QCOMPARE(bits(cl), W & A);
        }
    }
};

QTEST_GUILESS_MAIN(TestIntervalSet)
#include "tst_intervalset.moc"
