package wasi

// Rights are the WASI preview 1 capability bits of a descriptor.
type Rights uint64

// The preview 1 rights bits.
const (
	RightFdDatasync Rights = 1 << iota
	RightFdRead
	RightFdSeek
	RightFdFdstatSetFlags
	RightFdSync
	RightFdTell
	RightFdWrite
	RightFdAdvise
	RightFdAllocate
	RightPathCreateDirectory
	RightPathCreateFile
	RightPathLinkSource
	RightPathLinkTarget
	RightPathOpen
	RightFdReaddir
	RightPathReadlink
	RightPathRenameSource
	RightPathRenameTarget
	RightPathFilestatGet
	RightPathFilestatSetSize
	RightPathFilestatSetTimes
	RightFdFilestatGet
	RightFdFilestatSetSize
	RightFdFilestatSetTimes
	RightPathSymlink
	RightPathRemoveDirectory
	RightPathUnlinkFile
	RightPollFdReadwrite
	RightSockShutdown
	RightSockAccept

	// RightsAll is every defined right.
	RightsAll = RightSockAccept<<1 - 1
)

// Rights masks per descriptor kind.
const (
	// RightsRegularFile are the rights meaningful on a regular file.
	RightsRegularFile = RightFdDatasync | RightFdRead | RightFdSeek | RightFdFdstatSetFlags |
		RightFdSync | RightFdTell | RightFdWrite | RightFdAdvise | RightFdAllocate |
		RightFdFilestatGet | RightFdFilestatSetSize | RightFdFilestatSetTimes | RightPollFdReadwrite
	// RightsDirectory are the rights meaningful on a directory itself. They
	// include neither FD_SEEK nor FD_TELL: a directory has no file offset
	// in WASI (fd_readdir takes cookies), where POSIX lseek on a directory
	// succeeds.
	RightsDirectory = RightFdFdstatSetFlags | RightFdSync | RightFdDatasync |
		RightPathCreateDirectory | RightPathCreateFile | RightPathLinkSource | RightPathLinkTarget |
		RightPathOpen | RightFdReaddir | RightPathReadlink | RightPathRenameSource |
		RightPathRenameTarget | RightPathFilestatGet | RightPathFilestatSetSize |
		RightPathFilestatSetTimes | RightFdFilestatGet | RightFdFilestatSetTimes |
		RightPathSymlink | RightPathRemoveDirectory | RightPathUnlinkFile
	// RightsDirectoryInheriting are the rights a directory hands to what is opened through it.
	RightsDirectoryInheriting = RightsDirectory | RightsRegularFile
	// RightsTTY are the rights of a character device such as a terminal or the stdio streams.
	RightsTTY = RightFdRead | RightFdWrite | RightFdFdstatSetFlags | RightFdFilestatGet | RightPollFdReadwrite
	// RightsSocket are the rights of a connected stream socket.
	RightsSocket = RightFdRead | RightFdWrite | RightFdFdstatSetFlags | RightFdFilestatGet |
		RightPollFdReadwrite | RightSockShutdown
	// RightsListener are the rights of a preopened listening socket.
	RightsListener = RightFdFdstatSetFlags | RightFdFilestatGet | RightPollFdReadwrite | RightSockAccept
)

// Filetype is a WASI file type.
type Filetype uint8

// WASI file types.
const (
	FiletypeUnknown Filetype = iota
	FiletypeBlockDevice
	FiletypeCharacterDevice
	FiletypeDirectory
	FiletypeRegularFile
	FiletypeSocketDgram
	FiletypeSocketStream
	FiletypeSymbolicLink
)

// Descriptor flags (fdflags).
const (
	FdflagAppend   = 1 << 0
	FdflagDsync    = 1 << 1
	FdflagNonblock = 1 << 2
	FdflagRsync    = 1 << 3
	FdflagSync     = 1 << 4
)

// Open flags (oflags).
const (
	OflagCreat     = 1 << 0
	OflagDirectory = 1 << 1
	OflagExcl      = 1 << 2
	OflagTrunc     = 1 << 3
)

// LookupSymlinkFollow is the lookupflags bit asking to follow a final symlink.
const LookupSymlinkFollow = 1

// Filestat set-times flags (fstflags).
const (
	FstflagAtim    = 1 << 0
	FstflagAtimNow = 1 << 1
	FstflagMtim    = 1 << 2
	FstflagMtimNow = 1 << 3
)

// Seek whence values.
const (
	WhenceSet = 0
	WhenceCur = 1
	WhenceEnd = 2
)

// Clock identifiers.
const (
	ClockRealtime         = 0
	ClockMonotonic        = 1
	ClockProcessCPUTimeID = 2
	ClockThreadCPUTimeID  = 3
)

// Event types and flags of poll_oneoff.
const (
	EventtypeClock   = 0
	EventtypeFdRead  = 1
	EventtypeFdWrite = 2

	SubclockflagAbstime  = 1
	EventrwflagFdHangup  = 1
	subscriptionSize     = 48
	subscriptionSize0    = 56 // preview 0
	filestatSize0        = 56 // preview 0
	eventSize            = 32
	direntHeaderSize     = 24
	filestatSize         = 64
	fdstatSize           = 24
	prestatSize          = 8
	maxSymlinkFollows    = 40
	maxIOVs              = 1024
	maxPathLen           = 4096
	riflagRecvPeek       = 1
	riflagRecvWaitall    = 2
	roflagDataTruncated  = 1
	sdflagRd             = 1
	sdflagWr             = 2
	preopentypeDir       = 0
	defaultFakeEpochNano = 1640995200_000000000 // 2022-01-01T00:00:00Z
)
