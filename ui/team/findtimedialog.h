#pragma once

#include "scheduling/participant.h"
#include "scheduling/slotfinder.h"
#include "team/bookingflow.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QTimeZone>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTimer;

namespace kairos {

//! One room member as Find a time sees them.
struct FindTimeMember {
    QString name;
    //! Zone, working hours, busy intervals, e-mail. availabilityKnown false: no snapshot.
    scheduling::Participant participant;
    bool shared = false; //!< the member has shared an availability snapshot
    QDateTime madeAt; //!< when the snapshot was made (UTC)
    bool self = false; //!< the person using the dialog (the organiser)
};

//! \brief "Find a time" (issue 6): pick room members as required / optional / not invited
//! (a note beside each name when their availability is old or missing), the duration, a
//! window (this week, next week, a custom range) and the granularity; the ranked suggestions
//! of SlotFinder appear at once, each with a one-line reason translated from the structured
//! SlotReason; when nothing fits, the NoSlotExplanation with the nearest candidate. Times are
//! in the viewer's zone. "Book…" emits bookRequested() for the chosen suggestion.
//!
//! Object names: titleEdit, memberTable (role combos "role:<name>"), durationCombo,
//! windowCombo, fromDate, toDate, granularityCombo, suggestionList, explanationLabel,
//! bookButton, closeButton.
class FindTimeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindTimeDialog)
public:
    enum class Window { ThisWeek, NextWeek, Custom };
    Q_ENUM(Window)
    enum class Role { Required, Optional, NotInvited };

    FindTimeDialog(const QList<FindTimeMember> &members, const QTimeZone &viewerZone,
        QWidget *parent = nullptr);
    ~FindTimeDialog() override;

    //! New availability (a snapshot arrived): roles chosen so far are kept by name.
    void setMembers(const QList<FindTimeMember> &members);
    QList<FindTimeMember> members() const { return m_members; }

    void setRole(const QString &name, Role role);
    Role role(const QString &name) const;
    void setDurationMinutes(int minutes);
    void setGranularityMinutes(int minutes);
    void setWindow(Window window);
    void setCustomRange(QDate from, QDate to);
    void setMeetingTitle(const QString &title);

    //! The request as it stands (window in UTC, invited participants with their roles).
    scheduling::SlotRequest request() const;
    //! The last result (recomputed right after every change).
    const scheduling::SlotResult &result() const { return m_result; }
    //! The texts shown: one line per suggestion.
    QStringList suggestionTexts() const;
    QString explanationText() const;
    //! What booking suggestion \a index would book.
    BookingRequest bookingFor(int index) const;
    //! Recomputes now (normally done on the next event-loop turn after a change).
    void recompute();

    //! The translated one-line reason of a slot, built from the structure.
    static QString reasonText(const scheduling::SlotReason &reason);
    //! The translated explanation of "nothing fits", with the nearest candidate in \a zone.
    //! \a window is the span's name in the sentence ("this week", "next week", …).
    static QString explanationText(const scheduling::NoSlotExplanation &explanation,
        const QTimeZone &zone, const QString &window);
    //! A wall-clock time in the user's locale, without seconds ("16:00", "4:00 PM").
    static QString clockText(QTime time);
    //! "Mon 8 Dec 16:00" in \a zone, in the user's language.
    static QString shortDateTime(qint64 msecsSinceEpoch, const QTimeZone &zone);
    //! The note beside a member: availability missing or old (empty when fresh).
    static QString availabilityNote(const FindTimeMember &member, const QDateTime &now);

Q_SIGNALS:
    void bookRequested(const kairos::BookingRequest &request);

private:
    void rebuildTable();
    void scheduleRecompute();
    void updateWindowWidgets();
    Interval window() const;
    QString windowPhrase() const;
    QList<int> invited() const;

    QList<FindTimeMember> m_members;
    QTimeZone m_zone;
    scheduling::SlotResult m_result;
    scheduling::SlotRequest m_lastRequest;
    QList<int> m_lastInvited;

    QLineEdit *m_title = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_duration = nullptr;
    QComboBox *m_window = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_granularity = nullptr;
    QListWidget *m_suggestions = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_zoneNote = nullptr;
    QPushButton *m_book = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace kairos
