// Local time of day in Berlin (CET/CEST), which drives when drivers arrive. The EU rule (summer time
// from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC) is enough here.
#pragma once

#include "contract/iso8601.h"

namespace voltdesk::sim {

/// Offset of Berlin's local time from UTC at the given instant: 1 h in winter, 2 h in summer.
contract::EpochMs berlinUtcOffsetMs(contract::EpochMs utc);

/// Hour of the day in Berlin, 0..23.
int berlinHour(contract::EpochMs utc);

} // namespace voltdesk::sim
