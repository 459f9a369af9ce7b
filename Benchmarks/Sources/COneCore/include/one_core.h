#ifndef CXKIT_ONE_CORE_H
#define CXKIT_ONE_CORE_H

/// Restricts every thread of the process to the highest CPU it may run on (threads they
/// start later inherit it). Returns that CPU, or -1 when the affinity cannot be read or set
/// or the platform has no CPU affinity (then nothing changes).
int cxkit_pin_to_one_cpu(void);

#endif
