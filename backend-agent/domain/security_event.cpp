#include "domain/security_event.h"

namespace voltdesk::domain {

std::string_view toString(SecurityEventSource source) {
    return source == SecurityEventSource::Agent ? "agent" : "charger";
}

std::string_view toString(SecuritySeverity severity) {
    switch (severity) {
    case SecuritySeverity::Info:
        return "info";
    case SecuritySeverity::Warning:
        return "warning";
    case SecuritySeverity::Critical:
        return "critical";
    }
    return "warning";
}

} // namespace voltdesk::domain
