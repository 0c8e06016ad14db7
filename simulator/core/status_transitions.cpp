#include "core/status_transitions.h"

#include <initializer_list>

namespace voltdesk::sim {

namespace {

using S = contract::ConnectorStatus;

bool oneOf(S s, std::initializer_list<S> set) {
    for (S x : set) {
        if (x == s) {
            return true;
        }
    }
    return false;
}

} // namespace

bool isValidTransition(S from, S to) {
    if (from == to) {
        return false;
    }
    switch (from) {
    case S::Available:
        return to != S::Finishing;
    case S::Preparing:
        return oneOf(to,
                     {S::Available, S::Charging, S::SuspendedEV, S::SuspendedEVSE, S::Finishing, S::Faulted});
    case S::Charging:
    case S::SuspendedEV:
    case S::SuspendedEVSE:
        return oneOf(to, {S::Available, S::Charging, S::SuspendedEV, S::SuspendedEVSE, S::Finishing,
                          S::Unavailable, S::Faulted});
    case S::Finishing:
    case S::Reserved:
        return oneOf(to, {S::Available, S::Preparing, S::Unavailable, S::Faulted});
    case S::Unavailable:
        return oneOf(to,
                     {S::Available, S::Preparing, S::Charging, S::SuspendedEV, S::SuspendedEVSE, S::Faulted});
    case S::Faulted:
        return true;
    }
    return false;
}

} // namespace voltdesk::sim
