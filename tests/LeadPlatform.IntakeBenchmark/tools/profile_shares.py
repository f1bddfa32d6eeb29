# Shares of a dotnet-trace speedscope file (dotnet-sampled-thread-time), as used in tests/LeadPlatform.LoadTool/intake-profile.md.
# A sample counts as running when its leaf is CPU_TIME, or UNMANAGED_CODE_TIME under a frame that is not a wait.
#   python3 profile_shares.py trace.speedscope.json cats            # exclusive stages (first match wins)
#   python3 profile_shares.py trace.speedscope.json incl REGEX...   # inclusive share of stacks holding a frame matching each
#   python3 profile_shares.py trace.speedscope.json under REGEX [depth]   # what runs below a frame
#   python3 profile_shares.py trace.speedscope.json summary [n]     # by deepest LeadPlatform frame
import json, sys, collections, re
d = json.load(open(sys.argv[1])); fr = [f['name'] for f in d['shared']['frames']]
mode = sys.argv[2] if len(sys.argv) > 2 else 'summary'
WAITS = re.compile(r'WaitForSignal|WaitNative|Monitor\.Wait|WaitOneNoCheck|LowLevelLifoSemaphore|epoll|Sleep|WaitHandle|SpinWait|SpinOnce|LowLevelSpinWaiter')
NWAIT = re.compile(r'Wait|Interop\+Sys\.Read\(|TryReadEvent|\?!\?|WorkerThreadStart|Sleep|SpinOnce|SpinWait')
stacks = collections.Counter()
for p in d['profiles']:
    st = []; last = None
    for e in p['events']:
        if last is not None and st:
            stacks[(p['name'], tuple(st))] += e['at'] - last
        last = e['at']
        if e['type'] == 'O': st.append(e['frame'])
        else: st.pop()
def running(stk):
    leaf = fr[stk[-1]]
    if leaf == 'CPU_TIME': return True
    if leaf == 'UNMANAGED_CODE_TIME':
        par = fr[stk[-2]] if len(stk) > 1 else '?!?'
        return not (NWAIT.search(par))
    return False
run = {k: v for k, v in stacks.items() if running(k[1])}
total = sum(stacks.values()); rt = sum(run.values())
print(f'total {total:.0f} ms, running {rt:.0f} ms')
spin = re.compile(r'LowLevelSpinWaiter|SpinWait|SpinOnce|WorkerThread.*WorkerDoWork$|Semaphore')
def cat(stk):
    names = [fr[f] for f in stk]
    if any('LowLevelSpinWaiter' in n or 'LowLevelLifoSemaphore' in n for n in names[-6:]): return 'threadpool-spin/wait'
    lp = [n for n in names if n.startswith('LeadPlatform')]
    return lp[-1] if lp else 'nonLP:' + (names[-2] if len(names) > 1 else names[-1])
if mode == 'summary':
    c = collections.Counter()
    for (t, stk), v in run.items(): c[cat(stk)] += v
    for k, v in c.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 50): print(f'{v/rt*100:5.1f}% {v:7.0f} {k[:200]}')
elif mode == 'incl':
    # inclusive by frame name matching regex list
    pats = sys.argv[3:]
    for pat in pats:
        r = re.compile(pat); v = sum(w for (t, stk), w in run.items() if any(r.search(fr[f]) for f in stk))
        print(f'{v/rt*100:5.1f}% {v:7.0f} {pat}')
elif mode == 'inclall':
    c = collections.Counter()
    for (t, stk), v in run.items():
        for n in set(fr[f] for f in stk): c[n] += v
    for k, v in c.most_common(int(sys.argv[3])): print(f'{v/rt*100:5.1f}% {v:7.0f} {k[:220]}')
elif mode == 'threads':
    c = collections.Counter()
    for (t, stk), v in run.items(): c[t] += v
    for k, v in c.most_common(20): print(f'{v/rt*100:5.1f}% {v:7.0f} {k}')
elif mode == 'under':
    r = re.compile(sys.argv[3]); c = collections.Counter()
    for (t, stk), v in run.items():
        names = [fr[f] for f in stk]
        idx = [i for i, n in enumerate(names) if r.search(n)]
        if not idx: continue
        sub = names[idx[0]+1:]
        key = ' > '.join(x.split('!')[-1][:80] for x in sub[:int(sys.argv[4]) if len(sys.argv) > 4 else 2])
        c[key] += v
    for k, v in c.most_common(40): print(f'{v/rt*100:5.1f}% {v:7.0f} {k}')
if mode == 'cats':
    cats = [('writer: MarkSent', r'LiteDbDocumentStore.*MarkSent\('), ('writer: MarkDecided/UpdateStored', r'UpdateStoredAsync'),
            ('writer: insert/replace Apply', r'LiteDbDocumentStore.*Apply\('), ('writer: commit', r'LiteDatabase.Commit|BeginTrans'), ('writer: other', r'WriteLoop'),
            ('req: FindMatchingLeads', r'FindMatchingLeads'), ('req: map+seal (ToDocument)', r'Mapper.ToDocument|BsonMapper.Serialize'),
            ('req: RecordAsync other', r'RecordAsync'), ('req: ReadJson', r'ReadJson'), ('req: SubmitAsync other', r'SubmitAsync'),
            ('dispatcher', r'OutboxDispatcher'), ('loadgen/HttpClient', r'LoadGenerator|System.Net.Http'),
            ('req: serilog req logging self', r'RequestLoggingMiddleware'), ('req: aspnet pipeline other', r'Kestrel|AspNetCore'),
            ('tp spin', r'LowLevelSpinWaiter|LowLevelLifoSemaphore|SpinWait'), ('PollGC', r'PollGC'), ('FileSystemWatcher', r'FileSystemWatcher'),
            ('tp other', r'PortableThreadPool'), ]
    c = collections.Counter()
    for (t, stk), v in run.items():
        names = [fr[f] for f in stk]
        for cname, pat in cats:
            r = re.compile(pat)
            if any(r.search(n) for n in names): c[cname] += v; break
        else: c['other:' + names[min(3,len(names)-1)][:80]] += v
    for k, v in c.most_common(40): print(f'{v/rt*100:5.1f}% {v:7.0f} {k}')
