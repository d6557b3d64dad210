#pragma once

#include <QString>
#include <QTemporaryDir>

namespace kairos::test {

//! \brief Points KAIROS_HOME at a fresh temporary folder for the test's lifetime, so profiles
//! created by the test never touch the user's real data.
class TempHome {
public:
    TempHome();
    ~TempHome();
    QString path() const { return m_dir.path(); }
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
    QByteArray m_previous;
    bool m_hadPrevious = false;
};

//! A path under tests/data.
QString testDataPath(const QString &relative);

} // namespace kairos::test
