#pragma once

#include "core/error.h"

#include <utility>
#include <variant>

namespace kairos {

//! \brief A value or an Error: the return type of core operations that can fail.
//! A small stand-in for C++23 std::expected; copyable so it can travel in a QFuture.
template<typename T>
class Expected {
public:
    Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) { }
    Expected(Error error) : m_v(std::in_place_index<1>, std::move(error)) { }

    bool hasValue() const { return m_v.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T valueOr(T fallback) const { return hasValue() ? value() : std::move(fallback); }
    const Error &error() const { return std::get<1>(m_v); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    std::variant<T, Error> m_v;
};

template<>
class Expected<void> {
public:
    Expected() = default;
    Expected(Error error) : m_error(std::move(error)), m_ok(false) { }
    bool hasValue() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(Error::Code code, QString message = {})
{
    return Error { code, std::move(message) };
}

} // namespace kairos
