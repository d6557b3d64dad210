#include "testenv.h"

#include "testpaths.h"
#include <QDir>

namespace kairos::test {

TempHome::TempHome()
{
    m_hadPrevious = qEnvironmentVariableIsSet("KAIROS_HOME");
    m_previous = qgetenv("KAIROS_HOME");
    qputenv("KAIROS_HOME", m_dir.path().toUtf8());
}

TempHome::~TempHome()
{
    if (m_hadPrevious)
        qputenv("KAIROS_HOME", m_previous);
    else
        qunsetenv("KAIROS_HOME");
}

QString testDataPath(const QString &relative)
{
    return QDir(QStringLiteral(KAIROS_SOURCE_DIR "/tests/data")).filePath(relative);
}

} // namespace kairos::test
