module rsyncguard/tools/admission-load

go 1.26.0
