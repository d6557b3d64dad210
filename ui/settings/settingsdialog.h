#pragma once

#include <QDialog>

#include <functional>

class QComboBox;
class QTabWidget;

namespace kairos {

class CalendarService;
class Profile;

//! \brief Settings: a General page (time zone) and room for more pages (Accounts is added by
//! the accounts feature through addPage()).
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    SettingsDialog(const Profile &profile, CalendarService &calendar, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    //! Adds a page (e.g. Accounts). The dialog takes ownership. \a apply, when given, runs on
    //! OK; returning false keeps the dialog open on that page (the page shows what is wrong).
    void addPage(QWidget *page, const QString &title, std::function<bool()> apply = {});
    QTabWidget *tabs() const { return m_tabs; }

    //! Saves the General page: the profile's time-zone override, applied live.
    void apply();

private:
    const Profile &m_profile;
    CalendarService &m_calendar;
    QTabWidget *m_tabs;
    QComboBox *m_timeZone;
    QList<std::pair<QWidget *, std::function<bool()>>> m_pageApply;
};

} // namespace kairos
