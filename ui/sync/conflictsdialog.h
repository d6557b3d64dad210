#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace kairos {

class SyncEngine;

//! \brief Non-modal list of sync conflicts: what happened, the server's version, and
//! "Keep server version" (dismisses the conflict; the kept-aside edit is dropped) or
//! "Reapply my edit" (sends the edit again on top of the server's version shown; if the server
//! changed once more meanwhile, that becomes a new conflict rather than an overwrite).
class ConflictsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictsDialog)
public:
    explicit ConflictsDialog(SyncEngine &engine, QWidget *parent = nullptr);
    ~ConflictsDialog() override;

    void reload();

private:
    void showCurrent();

    SyncEngine &m_engine;
    QListWidget *m_list;
    QLabel *m_details;
    QPushButton *m_keepServer;
    QPushButton *m_reapply;
};

} // namespace kairos
