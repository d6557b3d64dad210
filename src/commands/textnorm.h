#pragma once

#include <QString>

namespace kairos::commands {

//! \brief The language of a chat message.
enum class Language { English, Spanish };

QString languageCode(Language language); //!< "en" / "es"

//! \brief Folds \a text for matching: lower case, accents removed (mañana → manana, Reunión →
//! reunion), typographic quotes and dashes made plain. The result has exactly one character
//! per character of the NFC form of \a text, so match positions map back to the original.
QString foldText(const QString &text);

//! \brief Guesses English or Spanish from marker words and ¿ ¡ ñ; ties go to \a fallback.
Language detectLanguage(const QString &text, Language fallback = Language::English);

} // namespace kairos::commands
